using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Penalties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Penalties;

/// <summary>Administrators extend the built-in rate tables with the half-years published after them.</summary>
public class PenaltyRatesTests
{
    [Fact]
    public async Task ALateDayIn2026_NeedsItsHalfYear_WhichAnAdministratorAdds()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2026, 3, 10));
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        await db.UpsertPiecesAsync(Invoice("F1", "ALPHA", "2025-11-01", "2025-12-01", 12_000m, balanceDate: "2025-11-01"));
        await db.UpsertPiecesAsync(Invoice("F1", "ALPHA", "2025-11-01", "2025-12-01", 12_000m, open: 0m, balanceDate: "2026-01-30"));

        var missing = await Assert.ThrowsAsync<MissingPenaltyRateException>(() => ListAsync(db));
        var added = await UpsertAsync(db, new PenaltyRateInput(new DateOnly(2026, 1, 1), 12.65m, 2.62m));
        var line = Assert.Single((await ListAsync(db)).Lines).Line;

        Assert.Equal((2026, 1), missing.HalfYear);
        Assert.Equal([(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), false)], added.Value!.Select(r => (r.From, r.To, r.BuiltIn)));
        // 30 days of H2 2025 at the built-in 12.15 %, then 30 days of H1 2026 at the added 12.65 %.
        Assert.Equal(Rounding.Amount((12_000m * 12.15m / 100 * 30 / 365) + (12_000m * 12.65m / 100 * 30 / 365)), line.Interest);
    }

    [Fact]
    public async Task ABuiltInHalfYear_CanBeCorrected_AndTheTablesListBoth()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2026, 3, 10));

        await UpsertAsync(db, new PenaltyRateInput(new DateOnly(2025, 7, 1), 12.25m, 2.76m));
        var rows = await db.RunAsync(sp => sp.GetRequiredService<ListPenaltyRates>().ExecuteAsync(default));

        Assert.Equal(["2024-01-01 14.50 built-in", "2024-07-01 14.25 built-in", "2025-01-01 13.15 built-in", "2025-07-01 12.25 own"],
            rows.Select(r => $"{r.From:yyyy-MM-dd} {r.Rates.PenaltyPercent:0.00} {(r.BuiltIn ? "built-in" : "own")}"));
    }

    [Fact]
    public async Task BadHalfYears_AreRefused_NamingTheField_AndNothingIsStored()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2026, 3, 10));

        var refused = await UpsertAsync(db,
            new PenaltyRateInput(new DateOnly(2026, 1, 1), 12.65m, 2.62m),
            new PenaltyRateInput(new DateOnly(2026, 2, 1), 12.65m, 2.62m),
            new PenaltyRateInput(new DateOnly(2026, 1, 1), -1m, 2.625m));

        Assert.Equal(["rates.1.from", "rates.2.from", "rates.2.penaltyRatePercent"], refused.Errors.Select(e => string.Join('.', e.Field)));
        Assert.Equal(0, await db.QueryAsync(c => c.PenaltyRates.CountAsync()));
    }

    private static Task<Outcome<IReadOnlyList<PenaltyRateRow>>> UpsertAsync(TestDatabase db, params PenaltyRateInput[] rates) =>
        db.RunAsync(sp => sp.GetRequiredService<UpsertPenaltyRates>().ExecuteAsync(rates, default));

    private static async Task<LatePenalties> ListAsync(TestDatabase db)
    {
        var client = await db.QueryAsync(c => c.Clients.Select(x => x.Id).SingleAsync());
        return (await db.RunAsync(sp => sp.GetRequiredService<ListLatePenalties>().ExecuteAsync(client, null, default)))!;
    }
}
