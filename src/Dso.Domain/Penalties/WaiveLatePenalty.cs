using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Penalties;

/// <summary>Waives a recorded penalty claim with a reason: its debit note is settled today; the claim keeps who and why.</summary>
public sealed class WaiveLatePenalty(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<PenaltyClaim>> ExecuteAsync(long? claimId, string? reason, long userId, CancellationToken cancellationToken)
    {
        var claim = claimId is { } id ? await db.PenaltyClaims.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        var text = reason?.Trim() ?? "";
        var errors = new List<UserError>();
        if (claim is null)
        {
            errors.Add(UserError.NotFound("No such penalty claim.", "claimId"));
        }
        else if (claim.Waived)
        {
            errors.Add(UserError.Conflict("This claim is already waived.", "claimId"));
        }

        if (text.Length is 0 or > 2000)
        {
            errors.Add(UserError.Invalid("A reason of 1 to 2000 characters is required.", "reason"));
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<PenaltyClaim>(errors);
        }

        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var piece = await db.Pieces.Include(p => p.BalanceHistory).SingleAsync(p => p.Id == claim!.ClaimPieceId, cancellationToken);
        var now = clock.GetUtcNow();
        piece.Settle(organization.Today(clock), now);
        claim!.Waive(text, userId, now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(claim);
    }
}
