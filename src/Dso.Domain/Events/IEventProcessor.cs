namespace Dso.Domain.Events;

/// <summary>
/// Something that reacts to committed events, once each, in commit order, whichever process committed them (alert
/// rules, webhooks, risk, messaging). <see cref="DispatchEvents"/> calls it in a scope acting for the event's
/// organization, inside the transaction that advances its position: what it writes through that scope's
/// <c>DsoDbContext</c> commits with the position, so a crash replays the event and never repeats the effect.
/// </summary>
public interface IEventProcessor
{
    /// <summary>The key of its position; never renamed (a new name starts from the oldest event kept).</summary>
    string Name { get; }

    bool Handles(EventTopic topic);

    Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken);
}
