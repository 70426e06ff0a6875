using Dso.Domain.Clients;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Pieces;

public class ConcurrentUpsertTests
{
    private const int Writers = 20;
    private const int Keys = 30;

    [Fact]
    public async Task ParallelWritersWithShuffledDates_LeaveEveryPieceWithAnOrderedHistoryWhoseChangesSumToItsBalance()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.UpsertClientsAsync(new ClientInput("ACME", "Acme"));

        // Writer k says: on June k+1 the open amount of every piece was 1000 - 10k; the writers run at once, keys shuffled.
        var writers = Enumerable.Range(0, Writers).Select(k => Task.Run(async () =>
        {
            var keys = Enumerable.Range(0, Keys).OrderBy(_ => Random.Shared.Next()).ToList();
            foreach (var chunk in keys.Chunk(10))
            {
                var outcome = await db.UpsertPiecesAsync([.. chunk.Select(i => Invoice($"F-{i}", "ACME", "2025-05-01", "2025-05-31", 1000m, 1000m - (10 * k), $"2025-06-{k + 1:00}"))]);
                Assert.True(outcome.Succeeded);
            }
        }));
        await Task.WhenAll(writers);

        var pieces = await db.QueryAsync(c => c.Pieces.AsNoTracking().Include(p => p.BalanceHistory).ToListAsync());
        Assert.Equal(Keys, pieces.Count);
        foreach (var piece in pieces)
        {
            var history = piece.BalanceHistory.OrderBy(e => e.Date).ToList();
            // June 1's 1000 is the full amount: it records nothing when a later event came first.
            Assert.Equal(Enumerable.Range(2, Writers - 1).Select(d => new DateOnly(2025, 6, d)), history.Select(e => e.Date).Where(d => d.Day > 1));
            Assert.Equal((810m, new DateOnly(2025, 6, 20)), (piece.OpenAmount, piece.BalanceDate));
            Assert.Equal(piece.OpenAmount, history.Sum(e => e.Change));
            Assert.All(history.Zip(history.Skip(1)), pair => Assert.Equal(pair.Second.OpenAmount - pair.First.OpenAmount, pair.Second.Change));
            Assert.Equal(history[0].OpenAmount, history[0].Change);
        }
    }
}
