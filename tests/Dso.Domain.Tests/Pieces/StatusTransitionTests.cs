using Dso.Domain.Actions;
using Dso.Domain.Clients;
using Dso.Domain.Pieces;
using Dso.Domain.Scenarios;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Pieces;

/// <summary>domain-rules §3, one case per transition between the five categories: in or out of the scenario, and the follow-up.</summary>
public class StatusTransitionTests
{
    public static TheoryData<StatusCategory, StatusCategory> Transitions()
    {
        var data = new TheoryData<StatusCategory, StatusCategory>();
        foreach (var from in Enum.GetValues<StatusCategory>())
        {
            foreach (var to in Enum.GetValues<StatusCategory>().Where(c => c != from))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task AfterAQualification_TheNewCategoryDecides_ScenarioAndFollowUp(StatusCategory from, StatusCategory to)
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 10));
        await db.RunAsync(sp => sp.GetRequiredService<CreateScenario>().ExecuteAsync(new ScenarioInput("Standard", true, [new(5, Channel.Email, null, null, false)]), default));
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        await db.UpsertPiecesAsync(Invoice("F1", "ALPHA", "2025-05-01", "2025-06-01", 1000m));

        await QualifyAsync(db, from);
        await QualifyAsync(db, to);

        var preview = await db.RunAsync(sp => sp.GetRequiredService<PreviewScenarios>().ExecuteAsync(null, default));
        var followUps = await db.QueryAsync(c => c.Actions.Where(a => a.Kind == ActionKind.FollowUp && a.State == ActionState.Planned).CountAsync());
        Assert.Equal(to.LeavesScenario(), preview.Count == 0);
        Assert.Equal(to.LeavesScenario() ? 1 : 0, followUps);
    }

    private static async Task QualifyAsync(TestDatabase db, StatusCategory category)
    {
        var (piece, status, user) = await db.QueryAsync(async c => (
            await c.Pieces.Select(p => p.Id).SingleAsync(),
            await c.Statuses.Where(s => s.Category == category).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            await c.Users.Select(u => u.Id).FirstAsync()));
        var promise = category == StatusCategory.PaymentPromise ? new DateOnly(2025, 6, 20) : (DateOnly?)null;
        var outcome = await db.RunAsync(sp => sp.GetRequiredService<QualifyPieces>().ExecuteAsync(new QualifyPiecesRequest([piece], status, "Transition", promise), user, default));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.Message)));
    }
}
