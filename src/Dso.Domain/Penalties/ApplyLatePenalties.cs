using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Penalties;

/// <summary>
/// Records a client's late-payment penalties as of a date (default today): for each late piece, a debit
/// note claiming the interest and indemnity not claimed yet (waived claims count as claimed, so a waiver is
/// not billed again). Applying the same date again records nothing.
/// </summary>
public sealed class ApplyLatePenalties(DsoDbContext db, ListLatePenalties penalties, TimeProvider clock)
{
    public const string Source = "penalties";

    public async Task<Outcome<IReadOnlyList<PenaltyClaim>>> ExecuteAsync(long? clientId, DateOnly? asOf, long userId, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var today = organization.Today(clock);
        if (asOf > today)
        {
            return Outcomes.Failure<IReadOnlyList<PenaltyClaim>>(UserError.Invalid("Penalties are applied as of today or an earlier date.", "asOf"));
        }

        var computed = clientId is { } id ? await penalties.ExecuteAsync(id, asOf, cancellationToken) : null;
        if (computed is null)
        {
            return Outcomes.Failure<IReadOnlyList<PenaltyClaim>>(UserError.NotFound("No such client.", "clientId"));
        }

        var pieceIds = computed.Lines.Select(l => l.Piece.Id).ToList();
        var claimed = (await db.PenaltyClaims.Where(c => pieceIds.Contains(c.PieceId)).ToListAsync(cancellationToken))
            .GroupBy(c => c.PieceId).ToDictionary(g => g.Key, g => (Interest: g.Sum(c => c.Interest), Indemnity: g.Sum(c => c.Indemnity)));
        var now = clock.GetUtcNow();
        var claims = new List<PenaltyClaim>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (piece, line) in computed.Lines)
        {
            var already = claimed.GetValueOrDefault(piece.Id);
            var (interest, indemnity) = (line.Interest - already.Interest, Math.Max(0, line.Indemnity - already.Indemnity));
            if (interest <= 0 && indemnity <= 0)
            {
                continue;
            }

            interest = Math.Max(0, interest);
            var number = $"PEN-{computed.AsOf:yyyyMMdd}-{piece.Id}";
            var claimPiece = new Piece(organization.Id, PieceType.DebitNote, number, Source, now);
            claimPiece.Apply(new PieceValues(PieceType.DebitNote, number, piece.ClientId, today, today, interest + indemnity, interest + indemnity, piece.Currency, today, null), Source, now);
            db.Pieces.Add(claimPiece);
            await db.SaveChangesAsync(cancellationToken);
            var claim = new PenaltyClaim(organization.Id, piece.ClientId, piece.Id, claimPiece.Id, computed.AsOf, interest, indemnity, userId, now);
            db.PenaltyClaims.Add(claim);
            claims.Add(claim);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcomes.Success<IReadOnlyList<PenaltyClaim>>(claims);
    }
}
