namespace Dso.Domain.Imports;

/// <summary>An import job a worker now holds; <c>TakenOver</c> when another worker had been running it.</summary>
public sealed record ClaimedImport(long JobId, long OrganizationId, bool TakenOver);
