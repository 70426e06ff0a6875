using Dso.Domain.Clients;
using Dso.Domain.Penalties;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Penalties;

public class PenaltyClaimsTests
{
    [Fact]
    public async Task Applying_ClaimsWhatIsOwedInADebitNoteOfItsOwn_OnlyOnce_AndThenOnlyTheIncrease()
    {
        await using var db = await LateAsync();

        var first = await ApplyAsync(db, new DateOnly(2025, 6, 30));
        var again = await ApplyAsync(db, new DateOnly(2025, 6, 30));
        var later = await ApplyAsync(db, new DateOnly(2025, 7, 10));

        // 1 000 due 2025-05-31: 30 days at 13.15 % = 10.81 + 40.00; then 10 more days at 12.15 % = 3.33, no second indemnity.
        Assert.Equal([(10.81m, 40m)], first.Select(c => (c.Interest, c.Indemnity)));
        Assert.Empty(again);
        Assert.Equal([(3.33m, 0m)], later.Select(c => (c.Interest, c.Indemnity)));
        var notes = await db.QueryAsync(c => c.Pieces.Where(p => p.Source == ApplyLatePenalties.Source).OrderBy(p => p.Id).Select(p => new { p.Type, p.Amount, p.OpenAmount }).ToListAsync());
        Assert.Equal([(PieceType.DebitNote, 50.81m), (PieceType.DebitNote, 3.33m)], notes.Select(n => (n.Type, n.OpenAmount)));
        Assert.Equal(1_000m, await db.QueryAsync(c => c.Pieces.Where(p => p.Number == "F1").Select(p => p.OpenAmount).SingleAsync()));
    }

    [Fact]
    public async Task AWaiver_SettlesTheClaim_WithItsReason_AndIsNotBilledAgain()
    {
        await using var db = await LateAsync();
        var claim = (await ApplyAsync(db, new DateOnly(2025, 6, 30))).Single();
        var user = await db.QueryAsync(c => c.Users.Select(u => u.Id).FirstAsync());

        var noReason = await db.RunAsync(sp => sp.GetRequiredService<WaiveLatePenalty>().ExecuteAsync(claim.Id, " ", user, default));
        var waived = await db.RunAsync(sp => sp.GetRequiredService<WaiveLatePenalty>().ExecuteAsync(claim.Id, "Geste commercial", user, default));
        var twice = await db.RunAsync(sp => sp.GetRequiredService<WaiveLatePenalty>().ExecuteAsync(claim.Id, "Encore", user, default));
        var after = await ApplyAsync(db, new DateOnly(2025, 6, 30));

        Assert.Equal(["reason"], noReason.Errors.Select(e => e.Field[0]));
        Assert.Equal("Geste commercial", waived.Value!.WaiverReason);
        Assert.Equal(["claimId"], twice.Errors.Select(e => e.Field[0]));
        Assert.Empty(after);
        Assert.Equal(0m, await db.QueryAsync(c => c.Pieces.Where(p => p.Id == claim.ClaimPieceId).Select(p => p.OpenAmount).SingleAsync()));
    }

    private static async Task<TestDatabase> LateAsync()
    {
        var db = await TestDatabase.CreateAsync(new DateOnly(2025, 7, 10));
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        await db.UpsertPiecesAsync(Invoice("F1", "ALPHA", "2025-05-01", "2025-05-31", 1_000m, balanceDate: "2025-05-01"));
        return db;
    }

    private static async Task<IReadOnlyList<PenaltyClaim>> ApplyAsync(TestDatabase db, DateOnly asOf)
    {
        var (client, user) = await db.QueryAsync(async c => (await c.Clients.Select(x => x.Id).SingleAsync(), await c.Users.Select(u => u.Id).FirstAsync()));
        var outcome = await db.RunAsync(sp => sp.GetRequiredService<ApplyLatePenalties>().ExecuteAsync(client, asOf, user, default));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!;
    }
}
