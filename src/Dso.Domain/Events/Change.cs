using Dso.Domain.Alerts;

namespace Dso.Domain.Events;

/// <summary>
/// A committed change of one entity, as announced to subscribers: which entity, never its values (a subscriber
/// reads the entity again, through its own organization's and portfolio's filters). <c>ClientId</c> is the client
/// the entity belongs to, when it belongs to one (to filter without reading); <c>AlertKind</c> the kind of a raised
/// alert; <c>Detail</c> what else the event says (a sync run's connection).
/// </summary>
public sealed record Change(long OrganizationId, EventTopic Topic, long EntityId, long? ClientId = null, AlertKind? AlertKind = null, string? Detail = null);
