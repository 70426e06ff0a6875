namespace Dso.Api.GraphQL.Common;

/// <summary>Relay page information of a connection.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
