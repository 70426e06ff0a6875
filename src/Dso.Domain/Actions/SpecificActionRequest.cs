using Dso.Domain.Scenarios;

namespace Dso.Domain.Actions;

/// <summary>A specific action to plan: for a client (and some of its pieces), by a channel, on a date, for someone.</summary>
public sealed record SpecificActionRequest(long? ClientId, IReadOnlyList<long?>? PieceIds, Channel Channel, DateOnly? DueDate, long? AssigneeId, string? Note);
