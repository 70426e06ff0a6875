using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Pieces;

/// <summary>
/// The one write path of pieces, whatever their source (API, file import, connector): applies validated
/// values by natural key, loading only the history that a balance change needs. The caller saves.
/// </summary>
public static class PieceWriter
{
    private const int ChunkSize = 500;

    public static async Task<IReadOnlyList<Piece>> ApplyAsync(DsoDbContext db, long organizationId, IReadOnlyList<PieceValues> values, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<(PieceType, string), Piece>();
        foreach (var chunk in values.Select(v => v.Number).Distinct().Chunk(ChunkSize))
        {
            foreach (var piece in await db.Pieces.Where(p => EF.Parameter(chunk).Contains(p.Number)).ToListAsync(cancellationToken))
            {
                existing[(piece.Type, piece.Number)] = piece;
            }
        }

        var needHistory = values.Select(v => existing.GetValueOrDefault((v.Type, v.Number)) is { } p && p.NeedsHistory(v) ? p.Id : 0).Where(id => id != 0).Distinct();
        foreach (var chunk in needHistory.Chunk(ChunkSize))
        {
            // Tracked events attach themselves to their (tracked) pieces' BalanceHistory.
            await db.BalanceEvents.Where(e => EF.Parameter(chunk).Contains(e.PieceId)).LoadAsync(cancellationToken);
        }

        var pieces = new List<Piece>(values.Count);
        foreach (var value in values)
        {
            if (!existing.TryGetValue((value.Type, value.Number), out var piece))
            {
                piece = new Piece(organizationId, value.Type, value.Number, source, now);
                db.Pieces.Add(piece);
                existing[(value.Type, value.Number)] = piece;
            }

            piece.Apply(value, source, now);
            pieces.Add(piece);
        }

        return pieces;
    }
}
