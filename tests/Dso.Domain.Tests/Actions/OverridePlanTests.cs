using Dso.Domain.Actions;
using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Actions;

public class OverridePlanTests
{
    [Fact]
    public async Task SkipAndPostpone_ChangeAPlannedAction_WithTheReasonInTheHistory()
    {
        await using var db = await SetUpAsync();
        var (client, user) = await db.QueryAsync(async c => (await c.Clients.Select(x => x.Id).SingleAsync(), await c.Users.Select(u => u.Id).FirstAsync()));
        var actions = await PlanTwoAsync(db, client, user);

        var postponed = await Override(db, new OverrideRequest(OverrideKind.Postpone, actions[0], null, "Le client rappelle lundi", new DateOnly(2025, 6, 16)), user);
        var skipped = await Override(db, new OverrideRequest(OverrideKind.Skip, actions[1], null, "Déjà relancé par le commercial", null), user);
        var again = await Override(db, new OverrideRequest(OverrideKind.Skip, actions[1], null, "Encore", null), user);

        Assert.True(postponed.Succeeded && skipped.Succeeded);
        Assert.Equal([(new DateOnly(2025, 6, 16), ActionState.Planned), (new DateOnly(2025, 6, 12), ActionState.Skipped)],
            await db.QueryAsync(c => c.Actions.OrderBy(a => a.Id).Select(a => new ValueTuple<DateOnly, ActionState>(a.DueDate, a.State)).ToListAsync()));
        Assert.Equal(["actionId"], again.Errors.Select(e => e.Field[0]));
        Assert.Equal(["Postpone:Le client rappelle lundi:2025-06-16", "Skip:Déjà relancé par le commercial:"],
            await db.QueryAsync(c => c.Overrides.OrderBy(o => o.Id).Select(o => $"{o.Kind}:{o.Reason}:{o.Until:yyyy-MM-dd}").ToListAsync()));
    }

    [Fact]
    public async Task APausedClient_GetsNoScenarioAction_UntilItsPauseEnds()
    {
        await using var db = await SetUpAsync();
        var (client, user) = await db.QueryAsync(async c => (await c.Clients.Select(x => x.Id).SingleAsync(), await c.Users.Select(u => u.Id).FirstAsync()));

        await Override(db, new OverrideRequest(OverrideKind.Pause, null, client, "Redressement judiciaire en cours", new DateOnly(2025, 6, 20)), user);
        var during = await RunAsync(db, new DateOnly(2025, 6, 20));
        var after = await RunAsync(db, new DateOnly(2025, 6, 21));

        Assert.Empty(during);
        Assert.Single(after);
    }

    [Fact]
    public async Task AnOverrideWithoutReasonOrAPastDate_IsRefused_AndChangesNothing()
    {
        await using var db = await SetUpAsync();
        var (client, user) = await db.QueryAsync(async c => (await c.Clients.Select(x => x.Id).SingleAsync(), await c.Users.Select(u => u.Id).FirstAsync()));
        var actions = await PlanTwoAsync(db, client, user);

        var noReason = await Override(db, new OverrideRequest(OverrideKind.Pause, null, client, "  ", null), user);
        var past = await Override(db, new OverrideRequest(OverrideKind.Postpone, actions[0], null, "Plus tard", new DateOnly(2025, 6, 1)), user);

        Assert.Equal(["reason"], noReason.Errors.Select(e => e.Field[0]));
        Assert.Equal(["until"], past.Errors.Select(e => e.Field[0]));
        Assert.Equal((false, 0), await db.QueryAsync(async c => (await c.Clients.Select(x => x.Paused).SingleAsync(), await c.Overrides.CountAsync())));
    }

    private static async Task<TestDatabase> SetUpAsync()
    {
        var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 10));
        await db.RunAsync(sp => sp.GetRequiredService<CreateScenario>().ExecuteAsync(new ScenarioInput("Standard", true, [new(5, Channel.Email, null, null, false)]), default));
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        await db.UpsertPiecesAsync(Invoice("F1", "ALPHA", "2025-05-01", "2025-06-01", 1000m));
        return db;
    }

    private static async Task<List<long>> PlanTwoAsync(TestDatabase db, long client, long user)
    {
        var ids = new List<long>();
        foreach (var day in new[] { 11, 12 })
        {
            var planned = await db.RunAsync(sp => sp.GetRequiredService<CreateSpecificAction>().ExecuteAsync(
                new SpecificActionRequest(client, [], Channel.Call, new DateOnly(2025, 6, day), null, null), user, default));
            ids.Add(planned.Value!.Id);
        }

        return ids;
    }

    private static Task<Outcome<CollectionOverride>> Override(TestDatabase db, OverrideRequest request, long user) =>
        db.RunAsync(sp => sp.GetRequiredService<OverridePlan>().ExecuteAsync(request, user, default));

    private static async Task<IReadOnlyList<long>> RunAsync(TestDatabase db, DateOnly date)
    {
        db.Clock.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        return (await db.RunAsync(sp => sp.GetRequiredService<RunScenarios>().ExecuteAsync(date, default))).Value!.PlannedActionIds;
    }
}
