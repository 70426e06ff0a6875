using Dso.Domain.Actions;
using Dso.Domain.Clients;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Scenarios;

/// <summary>domain-rules §4: the worked example, catch-up, idempotence, concurrency, versions, time zones, re-reading before sending.</summary>
public class ScenarioEngineTests
{
    private static readonly ScenarioStepValues[] WorkedSteps =
    [
        new(-5, Channel.Email, null, null, true), new(5, Channel.Email, null, null, true), new(15, Channel.Email, null, null, true),
        new(30, Channel.Call, null, null, false), new(45, Channel.Letter, null, null, false),
    ];

    [Fact]
    public async Task TheWorkedExample_OneActionPerClient_CatchUpWithoutFlooding_AndANewCycleWhenTheLeaderLeaves()
    {
        await using var db = await AlphaAsync(new DateOnly(2025, 6, 10));

        var first = await RunAsync(db, "2025-06-10");
        var again = await RunAsync(db, "2025-06-10");
        db.Clock.Advance(TimeSpan.FromDays(15));
        var second = await RunAsync(db, "2025-06-25");
        db.Clock.Advance(TimeSpan.FromDays(1));
        await Reports.WorkedDataset.QualifyAsync(db, "F1", "Litige prix");
        db.Clock.Advance(TimeSpan.FromDays(1));
        var third = await RunAsync(db, "2025-06-27");

        Assert.Equal(["+5 EMAIL 2025-06-06 [F1]"], first);
        Assert.Empty(again);
        Assert.Equal(["+15 EMAIL 2025-06-16 [F1, F2]"], second);
        Assert.Equal(["+5 EMAIL 2025-06-25 [F2]"], third);
        // The −5 steps were recorded as skipped, once per cycle, never planned.
        Assert.Equal(["-5 2025-05-27", "-5 2025-06-15"], await db.QueryAsync(c => c.Actions.Where(a => a.State == ActionState.Skipped)
            .OrderBy(a => a.DueDate).Select(a => $"{a.StepOffset} {a.DueDate:yyyy-MM-dd}").ToListAsync()));
    }

    [Fact]
    public async Task After40DaysWithoutARun_OnlyTheLatestDueStepIsPlanned()
    {
        await using var db = await AlphaAsync(new DateOnly(2025, 6, 10));
        await RunAsync(db, "2025-06-10");
        db.Clock.Advance(TimeSpan.FromDays(40));

        var late = await RunAsync(db, "2025-07-20");

        Assert.Equal(["+45 LETTER 2025-07-16 [F1, F2]"], late);
        Assert.Equal([15, 30], await db.QueryAsync(c => c.Actions.Where(a => a.State == ActionState.Skipped && a.StepOffset > 0).OrderBy(a => a.StepOffset).Select(a => a.StepOffset!.Value).ToListAsync()));
    }

    [Fact]
    public async Task TwoRunsOfOneDateAtOnce_CreateEachActionOnce()
    {
        await using var db = await AlphaAsync(new DateOnly(2025, 6, 10));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync(db, "2025-06-10")));

        Assert.Equal(2, await db.QueryAsync(c => c.Actions.CountAsync()));
        Assert.Equal(1, await db.QueryAsync(c => c.Actions.CountAsync(a => a.State == ActionState.Planned)));
    }

    [Fact]
    public async Task EditingTheScenarioMidCycle_NeverResendsAStepAlreadyPassed()
    {
        await using var db = await AlphaAsync(new DateOnly(2025, 6, 10));
        await RunAsync(db, "2025-06-10");
        var scenario = await db.QueryAsync(c => c.Scenarios.Where(s => s.Name == "Standard").Select(s => s.Id).SingleAsync());
        await db.RunAsync(sp => sp.GetRequiredService<UpdateScenario>().ExecuteAsync(scenario,
            new ScenarioInput(null, null, [new(-3, Channel.Sms, null, null, true), new(5, Channel.Email, null, null, true), new(8, Channel.Sms, null, null, true)]), default));
        db.Clock.Advance(TimeSpan.FromDays(2));

        var next = await RunAsync(db, "2025-06-12");

        Assert.Equal(["+8 SMS 2025-06-09 [F1]"], next);
    }

    [Fact]
    public async Task NoumeaAndLosAngeles_OnTheSameInstant_RunTheirOwnToday()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 5));
        db.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 5, 20, 0, 0, TimeSpan.Zero));
        var noumea = await db.CreateOrganizationAsync("Nouméa SARL", "Pacific/Noumea");
        var losAngeles = await db.CreateOrganizationAsync("Los Angeles Inc.", "America/Los_Angeles");
        foreach (var organization in new[] { noumea, losAngeles })
        {
            await SetUpAsync(db, organization);
        }

        // 20:00 UTC is 07:00 on 06-06 in Nouméa (the +5 step of F1, due 06-01, is due) and 13:00 on 06-05 in Los Angeles (it is not).
        var inNoumea = await RunAsync(db, null, noumea);
        var inLosAngeles = await RunAsync(db, null, losAngeles);

        Assert.Equal(["+5 EMAIL 2025-06-06 [F1]"], inNoumea);
        Assert.Equal(["-5 EMAIL 2025-05-27 [F1]"], inLosAngeles);
    }

    [Fact]
    public async Task APaymentBetweenPlanningAndSending_DropsThePiece_AndCancelsAnActionLeftWithNone()
    {
        await using var db = await AlphaAsync(new DateOnly(2025, 6, 10));
        db.Clock.Advance(TimeSpan.FromDays(15));
        await RunAsync(db, "2025-06-25");
        var action = await db.QueryAsync(c => c.Actions.Where(a => a.State == ActionState.Planned).Select(a => a.Id).SingleAsync());

        await db.UpsertPiecesAsync(Invoice("F2", "ALPHA", "2025-05-20", "2025-06-20", 500m, open: 0m));
        var partly = await db.RunAsync(sp => sp.GetRequiredService<PrepareSending>().ExecuteAsync(action, default));
        await db.UpsertPiecesAsync(Invoice("F1", "ALPHA", "2025-05-01", "2025-06-01", 1000m, open: 0m));
        var none = await db.RunAsync(sp => sp.GetRequiredService<PrepareSending>().ExecuteAsync(action, default));

        Assert.Single(partly!.Pieces);
        Assert.Null(none);
        Assert.Equal(ActionState.Cancelled, await db.QueryAsync(c => c.Actions.Where(a => a.Id == action).Select(a => a.State).SingleAsync()));
    }

    [Fact]
    public async Task ThePreview_ShowsWhatTheRunWillCreate_AndWritesNothing()
    {
        await using var db = await AlphaAsync(new DateOnly(2025, 6, 10));

        var preview = await db.RunAsync(sp => sp.GetRequiredService<PreviewScenarios>().ExecuteAsync(null, default));

        Assert.Equal([(Channel.Email, new DateOnly(2025, 6, 6), 5)], preview.Select(a => (a.Channel, a.DueDate, a.StepOffset!.Value)));
        Assert.Equal(0, await db.QueryAsync(c => c.Actions.CountAsync()));
    }

    [Fact]
    public async Task PiecesUnderTheToleranceOrWithAPersonsAction_StayOutOfTheScenario()
    {
        await using var db = await AlphaAsync(new DateOnly(2025, 6, 25), tolerance: 600m);
        var (client, f1, user) = await db.QueryAsync(async c => (await c.Clients.Select(x => x.Id).SingleAsync(), await c.Pieces.Where(p => p.Number == "F1").Select(p => p.Id).SingleAsync(),
            await c.Users.Select(u => u.Id).FirstAsync()));
        await db.RunAsync(sp => sp.GetRequiredService<CreateSpecificAction>().ExecuteAsync(new SpecificActionRequest(client, [f1], Channel.Call, new DateOnly(2025, 6, 30), null, null), user, default));

        // F1 has a call planned by a person, F2 (500) is under the tolerance: nothing for the scenario.
        Assert.Empty(await RunAsync(db, "2025-06-25"));
    }

    [Fact]
    public async Task TheLeader_IsTheOldestDue_ThenTheLargest_ThenTheFirstNumber()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 10));
        await db.RunAsync(sp => sp.GetRequiredService<CreateScenario>().ExecuteAsync(new ScenarioInput("Standard", true, WorkedSteps), default));
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"), new ClientInput("BETA", "Beta SA"));
        await db.UpsertPiecesAsync(
            Invoice("A-2", "ALPHA", "2025-05-01", "2025-06-01", 700m), Invoice("A-1", "ALPHA", "2025-05-01", "2025-06-01", 700m),
            Invoice("B-1", "BETA", "2025-05-01", "2025-06-01", 300m), Invoice("B-2", "BETA", "2025-05-01", "2025-06-01", 900m));

        await RunAsync(db, "2025-06-10");

        Assert.Equal(["A-1", "B-2"], await db.QueryAsync(c => c.Actions.Where(a => a.State == ActionState.Planned)
            .Join(c.Pieces, a => a.LeaderPieceId, p => p.Id, (a, p) => p.Number).OrderBy(n => n).ToListAsync()));
    }

    private static async Task<TestDatabase> AlphaAsync(DateOnly today, decimal? tolerance = null)
    {
        var db = await TestDatabase.CreateAsync(today);
        await SetUpAsync(db, db.OrganizationId, tolerance);
        return db;
    }

    private static async Task SetUpAsync(TestDatabase db, long organization, decimal? tolerance = null)
    {
        await db.RunAsync(sp => sp.GetRequiredService<CreateScenario>().ExecuteAsync(new ScenarioInput("Standard", true, WorkedSteps, tolerance), default), organization);
        await db.RunAsync(sp => sp.GetRequiredService<UpsertClients>().ExecuteAsync([new ClientInput("ALPHA", "Alpha SAS")], default), organization);
        await db.RunAsync(sp => sp.GetRequiredService<Domain.Pieces.UpsertPieces>().ExecuteAsync(
            [Invoice("F1", "ALPHA", "2025-05-01", "2025-06-01", 1000m, balanceDate: "2025-05-01"), Invoice("F2", "ALPHA", "2025-05-20", "2025-06-20", 500m, balanceDate: "2025-05-20")], default),
            organization);
    }

    private static Task<List<string>> RunAsync(TestDatabase db, string? date, long? organization = null) => db.RunAsync(async sp =>
    {
        var run = await sp.GetRequiredService<RunScenarios>().ExecuteAsync(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), default);
        Assert.True(run.Succeeded, string.Join("; ", run.Errors.Select(e => e.Message)));
        var ids = run.Value!.PlannedActionIds;
        var context = sp.GetRequiredService<Domain.Persistence.DsoDbContext>();
        var numbers = await context.Pieces.ToDictionaryAsync(p => p.Id, p => p.Number);
        return (await context.Actions.Include(a => a.Pieces).Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync())
            .Select(a => $"{a.StepOffset:+0;-0} {a.Channel.ToString().ToUpperInvariant()} {a.DueDate:yyyy-MM-dd} [{string.Join(", ", a.Pieces.Select(p => numbers[p.PieceId]).Order())}]")
            .ToList();
    }, organization);
}
