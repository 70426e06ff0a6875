using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>
/// Removes a user from the organization: their keys are revoked at once, their clients leave their portfolio
/// and their planned actions lose their assignee; what they did stays in the history. The last administrator
/// cannot be archived.
/// </summary>
public sealed class ArchiveUser(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<User>> ExecuteAsync(long id, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id && !u.Archived, cancellationToken);
        if (user is null)
        {
            return Outcomes.Failure<User>(UserError.NotFound("No such user.", "id"));
        }

        if (user.IsAdmin && !await UserValidation.AnotherAdminAsync(db, user, cancellationToken))
        {
            return Outcomes.Failure<User>(UserError.Conflict("The organization's last administrator cannot be archived.", "id"));
        }

        user.Archive();
        var now = clock.GetUtcNow();
        foreach (var key in await db.ApiKeys.Where(k => k.UserId == id && k.RevokedAt == null).ToListAsync(cancellationToken))
        {
            key.Revoke(now);
        }

        db.ClientAssignments.RemoveRange(await db.ClientAssignments.Where(a => a.UserId == id).ToListAsync(cancellationToken));
        foreach (var action in await db.Actions.Where(a => a.AssigneeId == id && a.State == Actions.ActionState.Planned).ToListAsync(cancellationToken))
        {
            action.Unassign();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(user);
    }
}
