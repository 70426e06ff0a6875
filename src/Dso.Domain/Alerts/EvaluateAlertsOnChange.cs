using Dso.Domain.Events;

namespace Dso.Domain.Alerts;

/// <summary>
/// The client rules (<see cref="EvaluateClientAlerts"/>) on each change of pieces (an upsert, an import's batch, a
/// sync's, a payment) or of clients (a credit limit or its review date): the clients the event names are evaluated
/// again, so that an alert is raised or resolved within a moment of the change. The morning run evaluates every client (the days pass without any change).
/// </summary>
public sealed class EvaluateAlertsOnChange(EvaluateClientAlerts evaluate) : IEventProcessor
{
    public string Name => "alerts.client-rules";

    public bool Handles(EventTopic topic) => topic is EventTopic.PieceUpdated or EventTopic.ClientUpdated;

    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var clients = domainEvent.Changes().Select(c => c.ClientId).OfType<long>().ToHashSet();
        if (clients.Count > 0)
        {
            await evaluate.ExecuteAsync(clients, cancellationToken);
        }
    }
}
