using Dso.Domain.Alerts;
using Dso.Domain.Events;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Risk;

/// <summary>
/// Scores again (<see cref="ScoreClients"/>) the clients whose data an event changed: their pieces (an upsert, an
/// import's or a sync's batch, a payment), their qualification (a dispute), the client itself (its credit limit), a
/// broken promise. The morning run scores every client (the days pass without any change).
/// </summary>
public sealed class ScoreRiskOnChange(DsoDbContext db, ScoreClients score) : IEventProcessor
{
    public string Name => "risk.scores";

    public bool Handles(EventTopic topic) => topic is EventTopic.PieceUpdated or EventTopic.ClientUpdated or EventTopic.PieceQualified or EventTopic.AlertRaised;

    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var clients = domainEvent.Topic switch
        {
            EventTopic.PieceQualified => await db.StatusChanges.Where(c => c.Id == domainEvent.EntityId)
                .Join(db.Pieces, c => c.PieceId, p => p.Id, (c, p) => p.ClientId).ToListAsync(cancellationToken),
            EventTopic.AlertRaised => domainEvent.Changes().Where(c => c.AlertKind == AlertKind.BrokenPromise).Select(c => c.ClientId).OfType<long>().ToList(),
            _ => domainEvent.Changes().Select(c => c.ClientId).OfType<long>().Distinct().ToList(),
        };
        if (clients.Count > 0)
        {
            await score.ExecuteAsync(clients, cancellationToken);
        }
    }
}
