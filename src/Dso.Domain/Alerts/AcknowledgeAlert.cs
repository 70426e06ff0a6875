using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Alerts;

/// <summary>Acknowledges an alert: it leaves the open list, and the rule may raise a new one for the client.</summary>
public sealed class AcknowledgeAlert(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Alert>> ExecuteAsync(long? alertId, long userId, CancellationToken cancellationToken)
    {
        var alert = alertId is { } id ? await db.Alerts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
        if (alert is null)
        {
            return Outcomes.Failure<Alert>(UserError.NotFound("No such alert.", "alertId"));
        }

        if (!alert.Acknowledge(userId, clock.GetUtcNow()))
        {
            return Outcomes.Failure<Alert>(UserError.Conflict("The alert is acknowledged already.", "alertId"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(alert);
    }
}
