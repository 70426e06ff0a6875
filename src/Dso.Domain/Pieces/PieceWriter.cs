using Dso.Domain.Audit;
using Dso.Domain.Events;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Pieces;

/// <summary>
/// The one write path of pieces, whatever their source (API, file import, connector), inside the caller's transaction:
/// applies validated values by natural key. Pieces are read untracked; values that change nothing are left there; new
/// pieces are inserted with prepared statements, with their balance events, their audit entries when a mutation writes
/// them, and one event for the batch; changed pieces are tracked (loading only the history a balance change needs)
/// for the caller's save, which writes their audit entries and event. A writer lives within one transaction.
/// </summary>
public sealed class PieceWriter(DsoDbContext db, long organizationId, string source, DateTimeOffset now) : IDisposable
{
    private const int ChunkSize = 500;

    private readonly BulkInserter<Piece> pieces = new(db);
    private readonly BulkInserter<BalanceEvent> balances = new(db);
    private readonly EventWriter announcements = new(db);
    private readonly AddedAudit? audit = AuditInterceptor.Audits(db) ? new AddedAudit(db) : null;

    /// <summary>
    /// The pieces of the values, in their order (new, changed or as they were), and how many were new or changed. The
    /// values name each piece once (every caller checks it); a new piece named twice fails on its unique key.
    /// </summary>
    public async Task<(IReadOnlyList<Piece> Pieces, int Written)> ApplyAsync(IReadOnlyList<PieceValues> values, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<(PieceType, string), Piece>();
        foreach (var chunk in values.Select(v => v.Number).Distinct().Chunk(ChunkSize))
        {
            foreach (var piece in await db.Pieces.AsNoTracking().Where(p => EF.Parameter(chunk).Contains(p.Number)).ToListAsync(cancellationToken))
            {
                existing[(piece.Type, piece.Number)] = piece;
            }
        }

        // What was read is what the transaction sees: a piece to change is tracked as read, with the history it needs.
        var changed = values.Select(v => existing.GetValueOrDefault((v.Type, v.Number)) is { } p && p.Differs(v, source) ? p : null).OfType<Piece>().ToHashSet();
        db.Pieces.AttachRange(changed);
        var needHistory = values.Select(v => existing.GetValueOrDefault((v.Type, v.Number)) is { } p && changed.Contains(p) && p.NeedsHistory(v) ? p.Id : 0).Where(id => id != 0).Distinct();
        foreach (var chunk in needHistory.Chunk(ChunkSize))
        {
            // Tracked events attach themselves to their (tracked) pieces' BalanceHistory.
            await db.BalanceEvents.Where(e => EF.Parameter(chunk).Contains(e.PieceId)).LoadAsync(cancellationToken);
        }

        var result = new List<Piece>(values.Count);
        var created = new List<(long Id, long? ClientId)>();
        foreach (var value in values)
        {
            if (!existing.TryGetValue((value.Type, value.Number), out var piece))
            {
                piece = new Piece(organizationId, value.Type, value.Number, source, now);
                piece.Apply(value, source, now);
                await InsertAsync(piece, cancellationToken);
                created.Add((piece.Id, piece.ClientId));
            }
            else if (changed.Contains(piece))
            {
                piece.Apply(value, source, now);
            }

            result.Add(piece);
        }

        if (created.Count > 0)
        {
            await announcements.WriteAsync(DomainEvent.OfBatch(organizationId, EventTopic.PieceUpdated, created, now), cancellationToken);
        }

        return (result, created.Count + changed.Count);
    }

    public void Dispose()
    {
        pieces.Dispose();
        balances.Dispose();
        announcements.Dispose();
        audit?.Dispose();
    }

    private async Task InsertAsync(Piece piece, CancellationToken cancellationToken)
    {
        var id = await pieces.InsertAsync(piece, cancellationToken);
        foreach (var balance in piece.BalanceHistory)
        {
            await balances.InsertAsync(balance, cancellationToken, (nameof(BalanceEvent.PieceId), id));
        }

        if (audit is not null)
        {
            await audit.WriteAsync(piece, id, now, cancellationToken);
        }
    }
}
