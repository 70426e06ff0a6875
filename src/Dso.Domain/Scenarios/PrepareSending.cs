using Dso.Domain.Actions;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Scenarios;

/// <summary>
/// Right before a scenario action is sent (domain-rules §4): its pieces are read again; those settled or
/// taken out of the scenario since it was planned are dropped, and an action left with none is cancelled.
/// Answers the action as it is to be sent, or null when it was cancelled (or is not a planned scenario action).
/// </summary>
public sealed class PrepareSending(DsoDbContext db)
{
    public async Task<CollectionAction?> ExecuteAsync(long actionId, CancellationToken cancellationToken)
    {
        var action = await db.Actions.Include(a => a.Pieces)
            .SingleOrDefaultAsync(a => a.Id == actionId && a.Kind == ActionKind.Scenario && a.State == ActionState.Planned, cancellationToken);
        if (action is null)
        {
            return null;
        }

        var ids = action.Pieces.Select(p => p.PieceId).ToList();
        var outOfScenario = await ScenarioExclusions.StatusesAsync(db, cancellationToken);
        var withPerson = await ScenarioExclusions.PiecesWithAPerson(db).Where(id => ids.Contains(id)).ToListAsync(cancellationToken);
        var still = await db.Pieces.Where(p => ids.Contains(p.Id) && p.OpenAmount > 0 && !outOfScenario.Contains(p.StatusId) && !withPerson.Contains(p.Id))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        action.Pieces.RemoveAll(p => !still.Contains(p.PieceId));
        if (action.Pieces.Count == 0)
        {
            action.Cancel();
        }

        await db.SaveChangesAsync(cancellationToken);
        return action.State == ActionState.Planned ? action : null;
    }
}
