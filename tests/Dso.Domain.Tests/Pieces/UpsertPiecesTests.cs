using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Pieces;

public class UpsertPiecesTests
{
    [Fact]
    public async Task Upsert_CreatesPiecesWithSignedAmounts_AndRecordsTheirFirstBalance()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));

        var result = await db.UpsertPiecesAsync(
            Invoice("F1", "ALPHA", "2025-05-01", "2025-05-31", 1000m),
            new PieceInput(PieceType.CreditNote, "A1", "ALPHA", new(2025, 5, 3), new(2025, 5, 3), 200m, 200m));

        Assert.True(result.Succeeded);
        var pieces = await db.QueryAsync(c => c.Pieces.Include(p => p.BalanceHistory).OrderBy(p => p.Number).ToListAsync());
        Assert.Equal([(-200m, -200m), (1000m, 1000m)], pieces.Select(p => (p.Amount, p.OpenAmount)));
        Assert.All(pieces, p => Assert.Equal(new DateOnly(2025, 6, 30), Assert.Single(p.BalanceHistory).Date));
    }

    [Fact]
    public async Task Upsert_SameDataTwice_ChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        var piece = Invoice("F1", "ALPHA", "2025-05-01", "2025-05-31", 1000m, 400m, "2025-06-10");
        await db.UpsertPiecesAsync(piece);
        var before = await db.QueryAsync(c => c.Pieces.AsNoTracking().SingleAsync());

        db.Clock.Advance(TimeSpan.FromDays(3));
        var again = await db.UpsertPiecesAsync(piece with { BalanceDate = null });

        Assert.True(again.Succeeded);
        var after = await db.QueryAsync(c => c.Pieces.AsNoTracking().SingleAsync());
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(1, await db.QueryAsync(c => c.BalanceEvents.CountAsync()));
        Assert.Equal(1, await db.QueryAsync(c => c.Pieces.CountAsync()));
    }

    [Fact]
    public async Task Upsert_WithBalanceDates_KeepsHistory_SoAPastDateShowsItsOwnOpenAmount()
    {
        // F-0403 of domain-rules §5: 20 000 issued 2025-04-15, 2 000 paid 2025-05-05.
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("GAMMA", "Gamma SA"));
        await db.UpsertPiecesAsync(Invoice("F-0403", "GAMMA", "2025-04-15", "2025-04-15", 20_000m, 20_000m, "2025-04-15"));
        await db.UpsertPiecesAsync(Invoice("F-0403", "GAMMA", "2025-04-15", "2025-04-15", 20_000m, 18_000m, "2025-05-05"));

        var piece = await db.QueryAsync(c => c.Pieces.Include(p => p.BalanceHistory).SingleAsync());
        Assert.Equal(18_000m, piece.OpenAmount);
        Assert.Equal(0m, piece.OpenAmountOn(new DateOnly(2025, 4, 14)));
        Assert.Equal(20_000m, piece.OpenAmountOn(new DateOnly(2025, 5, 4)));
        Assert.Equal(18_000m, piece.OpenAmountOn(new DateOnly(2025, 5, 5)));
        Assert.Null(piece.SettledOn);
    }

    [Fact]
    public async Task Upsert_ToZero_SettlesThePieceOnItsBalanceDate_EvenWhenHistoryArrivesOutOfOrder()
    {
        // F-0401 of domain-rules §5: 70 000 paid 2025-05-20.
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        await db.UpsertPiecesAsync(Invoice("F-0401", "ALPHA", "2025-04-02", "2025-05-02", 70_000m, 0m, "2025-05-20"));
        await db.UpsertPiecesAsync(Invoice("F-0401", "ALPHA", "2025-04-02", "2025-05-02", 70_000m, 70_000m, "2025-04-02"));

        var piece = await db.QueryAsync(c => c.Pieces.Include(p => p.BalanceHistory).SingleAsync());
        Assert.Equal(0m, piece.OpenAmount);
        Assert.Equal(new DateOnly(2025, 5, 20), piece.SettledOn);
        Assert.Equal(70_000m, piece.OpenAmountOn(new DateOnly(2025, 5, 19)));
        Assert.Equal(0, piece.DaysOverdue(new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public async Task Upsert_WithoutAPromiseDate_KeepsThePromiseOnThePiece()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        var piece = Invoice("F1", "ALPHA", "2025-05-01", "2025-05-31", 1000m);
        await db.UpsertPiecesAsync(piece with { PromiseDate = new DateOnly(2025, 7, 5) });

        await db.UpsertPiecesAsync(piece with { OpenAmount = 600m });

        Assert.Equal((new DateOnly(2025, 7, 5), 600m), await db.QueryAsync(async c => (await c.Pieces.Select(p => new { p.PromiseDate, p.OpenAmount }).SingleAsync()) is var x ? (x.PromiseDate, x.OpenAmount) : default));
    }

    [Fact]
    public async Task Upsert_WithAnyInvalidRow_ReportsEachByPath_AndWritesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));

        var result = await db.UpsertPiecesAsync(
            Invoice("F1", "ALPHA", "2025-05-01", "2025-05-31", 1000m),
            Invoice("F2", "NOBODY", "2025-05-01", "2025-05-31", 1000m),
            Invoice("F3", "ALPHA", "2025-05-01", "2025-05-31", -5m),
            Invoice("F4", "ALPHA", "2025-05-01", "2025-05-31", 100m, 150m),
            Invoice("F5", "ALPHA", "2025-05-01", "2025-04-30", 100m),
            Invoice("F6", "ALPHA", "2025-05-01", "2025-05-31", 100m, 100m, "2025-07-01"),
            Invoice("F7", "ALPHA", "2025-05-01", "2025-05-31", 100.001m),
            Invoice("F1", "ALPHA", "2025-05-01", "2025-05-31", 1000m));

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                ("pieces.1.clientCode", UserErrorCode.NotFound), ("pieces.2.amount", UserErrorCode.Invalid), ("pieces.3.openAmount", UserErrorCode.Invalid),
                ("pieces.4.dueDate", UserErrorCode.Invalid), ("pieces.5.balanceDate", UserErrorCode.Invalid), ("pieces.6.amount", UserErrorCode.Invalid),
                ("pieces.7.number", UserErrorCode.Invalid),
            ],
            result.Errors.Select(e => (string.Join('.', e.Field), e.Code)));
        Assert.Equal(0, await db.QueryAsync(c => c.Pieces.CountAsync()));
    }

    [Fact]
    public async Task Upsert_MoreThanTheBatchLimit_IsRefusedAsLimitExceeded()
    {
        await using var db = await TestDatabase.CreateAsync();
        var pieces = Enumerable.Range(0, UpsertPieces.MaxBatch + 1).Select(i => Invoice($"F{i}", "ALPHA", "2025-05-01", "2025-05-31", 1m)).ToArray();

        var result = await db.UpsertPiecesAsync(pieces);

        Assert.Equal(UserErrorCode.LimitExceeded, Assert.Single(result.Errors).Code);
    }
}
