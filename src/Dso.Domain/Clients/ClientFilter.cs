namespace Dso.Domain.Clients;

/// <summary>
/// Which clients a list returns; <see cref="Search"/> matches code, name or legal id, ignoring case;
/// <see cref="AssignedTo"/> keeps a user's portfolio.
/// </summary>
public sealed record ClientFilter(string? Search = null, bool? Overdue = null, bool? OverCreditLimit = null, long? ScenarioId = null, long? AssignedTo = null);
