using System.Text.Json;
using Dso.Domain.Common;

namespace Dso.Domain.Events;

/// <summary>
/// A change that matters, written in the same transaction as the change itself (the outbox): nothing is announced
/// that was not committed, nothing committed goes unannounced. It names entities, never their values. An event
/// names one entity (<see cref="EntityId"/>, with its client when it has one), or several pieces written together
/// (<see cref="Batch"/>: an import's batch, an upsert of many pieces). Ids grow in commit order.
/// </summary>
public sealed class DomainEvent : ITenantOwned
{
    private DomainEvent()
    {
    }

    private DomainEvent(long organizationId, EventTopic topic, long entityId, long? clientId, string? detail, string? batch, DateTimeOffset at) =>
        (OrganizationId, Topic, EntityId, ClientId, Detail, Batch, At) = (organizationId, topic, entityId, clientId, detail, batch, at);

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public EventTopic Topic { get; private set; }

    /// <summary>The entity the event names (the first of a batch).</summary>
    public long EntityId { get; private set; }

    /// <summary>The client the entity belongs to, when it belongs to one (lets subscribers filter without reading).</summary>
    public long? ClientId { get; private set; }

    /// <summary>What kind of alert was raised (for an alert); the connection of a sync run.</summary>
    public string? Detail { get; private set; }

    /// <summary>The pieces of a batch, as JSON <c>[[pieceId, clientId], ...]</c>; null for a single entity.</summary>
    public string? Batch { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static DomainEvent Of(long organizationId, EventTopic topic, long entityId, long? clientId, DateTimeOffset at, string? detail = null) =>
        new(organizationId, topic, entityId, clientId, detail, null, at);

    /// <summary>One event for many entities of one topic (a batch of pieces written together).</summary>
    public static DomainEvent OfBatch(long organizationId, EventTopic topic, IReadOnlyList<(long Id, long? ClientId)> entities, DateTimeOffset at) =>
        entities.Count == 1
            ? Of(organizationId, topic, entities[0].Id, entities[0].ClientId, at)
            : new(organizationId, topic, entities[0].Id, null, null, JsonSerializer.Serialize(entities.Select(e => new[] { e.Id, e.ClientId })), at);

    /// <summary>The entities the event names, one change each, as subscribers receive them.</summary>
    public IEnumerable<Change> Changes()
    {
        var alertKind = Topic == EventTopic.AlertRaised && Detail is not null && Enum.TryParse<Alerts.AlertKind>(Detail, out var kind) ? kind : (Alerts.AlertKind?)null;
        if (Batch is null)
        {
            yield return new Change(OrganizationId, Topic, EntityId, ClientId, alertKind, Detail);
            yield break;
        }

        foreach (var pair in JsonSerializer.Deserialize<long?[][]>(Batch)!)
        {
            yield return new Change(OrganizationId, Topic, pair[0]!.Value, pair[1]);
        }
    }
}
