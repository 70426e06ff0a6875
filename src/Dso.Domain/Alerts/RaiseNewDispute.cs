using Dso.Domain.Events;
using Dso.Domain.Persistence;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Alerts;

/// <summary>
/// The NEW_DISPUTE rule, on each qualification: a piece qualified with a status of the dispute category raises an
/// alert for its client, unless the client has one open already (one open alert per rule and client).
/// </summary>
public sealed class RaiseNewDispute(DsoDbContext db, TimeProvider clock) : IEventProcessor
{
    public string Name => "alerts.new-dispute";

    public bool Handles(EventTopic topic) => topic == EventTopic.PieceQualified;

    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var qualified = await db.StatusChanges.AsNoTracking().Where(c => c.Id == domainEvent.EntityId)
            .Join(db.Statuses, c => c.StatusId, s => s.Id, (c, s) => new { c.PieceId, Status = s.Name, s.Category })
            .Join(db.Pieces, c => c.PieceId, p => p.Id, (c, p) => new { c.Status, c.Category, p.ClientId, p.Number })
            .SingleOrDefaultAsync(cancellationToken);
        if (qualified is not { Category: StatusCategory.Dispute } || !await ListAlertRules.EnabledAsync(db, domainEvent.OrganizationId, AlertKind.NewDispute, cancellationToken) ||
            await db.Alerts.AnyAsync(a => a.ClientId == qualified.ClientId && a.Kind == AlertKind.NewDispute && a.AcknowledgedAt == null && a.ResolvedAt == null, cancellationToken))
        {
            return;
        }

        db.Alerts.Add(new Alert(domainEvent.OrganizationId, AlertKind.NewDispute, qualified.ClientId, $"{qualified.Number} is disputed: {qualified.Status}.", clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
