namespace Dso.Domain.Clients;

/// <summary>
/// Which clients a list returns; <see cref="Search"/> matches code, name or legal id, ignoring case;
/// <see cref="AssignedTo"/> keeps a user's portfolio; the risk members keep scored clients of those classes, and of
/// scores within the bounds (inclusive).
/// </summary>
public sealed record ClientFilter(string? Search = null, bool? Overdue = null, bool? OverCreditLimit = null, long? ScenarioId = null, long? AssignedTo = null,
    IReadOnlyList<Risk.RiskClass>? RiskClasses = null, int? MinRiskScore = null, int? MaxRiskScore = null);
