namespace Dso.Domain.Clients;

/// <summary>Which clients a list returns; <see cref="Search"/> matches code, name or legal id, ignoring case.</summary>
public sealed record ClientFilter(string? Search = null, bool? Overdue = null, bool? OverCreditLimit = null, long? ScenarioId = null);
