using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Actions;

/// <summary>Marks a planned action done; an action already done, skipped or cancelled is a CONFLICT.</summary>
public sealed class CompleteAction(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<CollectionAction>> ExecuteAsync(long? actionId, string? note, long userId, CancellationToken cancellationToken)
    {
        var action = actionId is { } id ? await db.Actions.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
        if (action is null)
        {
            return Outcomes.Failure<CollectionAction>(UserError.NotFound("No such action.", "actionId"));
        }

        if (note?.Length > 2000)
        {
            return Outcomes.Failure<CollectionAction>(UserError.Invalid("note has at most 2000 characters.", "note"));
        }

        if (!action.Complete(userId, note, clock.GetUtcNow()))
        {
            return Outcomes.Failure<CollectionAction>(UserError.Conflict($"The action is {action.State.ToString().ToUpperInvariant()}, not PLANNED.", "actionId"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(action);
    }
}
