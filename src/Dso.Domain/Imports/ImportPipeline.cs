using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Imports;

/// <summary>
/// The one write path of external data, inside the caller's transaction: records already checked by a
/// <see cref="RecordChecker"/> are upserted by natural key (<see cref="ImportWriter"/>), pieces a source reports
/// settled are settled, and a FULL read settles the open pieces of its source that it did not list. File imports
/// and connector syncs both write through it; it counts what it wrote.
/// </summary>
public sealed class ImportPipeline(DsoDbContext db, long organizationId, string source, string mainCurrency, DateOnly importDate, TimeProvider clock) : IDisposable
{
    private readonly ImportWriter writer = new(db, organizationId, source, mainCurrency, importDate, clock.GetUtcNow());

    /// <summary>The pieces written or found unchanged so far, by id (what a FULL read listed).</summary>
    public PieceIdSet SeenPieces => writer.SeenPieces;

    /// <summary>The pieces of the last batch written or found unchanged, by id.</summary>
    public IReadOnlyList<long> LastSeen => writer.LastSeen;

    public int ClientsWritten => writer.ClientsWritten;

    public int PiecesWritten => writer.PiecesWritten;

    public int PiecesClosed { get; private set; }

    public Task WriteAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken) => writer.WriteAsync(rows, cancellationToken);

    /// <summary>Settles the open pieces with these keys, whatever their source (the ERP says they are paid or gone).</summary>
    public async Task SettleAsync(IReadOnlyList<PieceKey> keys, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(500))
        {
            var numbers = chunk.Select(k => k.Number).Distinct().ToArray();
            var wanted = chunk.Select(k => (k.Type, k.Number)).ToHashSet();
            var ids = (await db.Pieces.Where(p => numbers.Contains(p.Number) && p.OpenAmount != 0).Select(p => new { p.Id, p.Type, p.Number }).ToListAsync(cancellationToken))
                .Where(p => wanted.Contains((p.Type, p.Number))).Select(p => p.Id).ToList();
            await SettleIdsAsync(ids, cancellationToken);
        }
    }

    /// <summary>Settles the open pieces of the source that are not in <paramref name="seen"/> (the end of a FULL read).</summary>
    public async Task SettleMissingAsync(PieceIdSet seen, CancellationToken cancellationToken)
    {
        var open = await db.Pieces.Where(p => p.Source == source && p.OpenAmount != 0).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var chunk in open.Where(id => !seen.Contains(id)).Chunk(500))
        {
            await SettleIdsAsync(chunk, cancellationToken);
        }
    }

    public void Dispose() => writer.Dispose();

    private async Task SettleIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var piece in await db.Pieces.Include(p => p.BalanceHistory).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken))
        {
            PiecesClosed += piece.Settle(importDate, now) ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
