namespace Dso.Domain.Organizations;

/// <summary>Settings to change; null members stay as they are.</summary>
/// <remarks>A contractual rate of 0 removes it (back to the legal rate).</remarks>
public sealed record OrganizationSettingsInput(
    bool? RejectFileOnErrors,
    bool? QualificationNeedsComment,
    int? StaleDays,
    int? MinDaysBetweenContacts,
    bool? LatePenaltyEnabled = null,
    Penalties.HalfYearPolicy? LatePenaltyPolicy = null,
    decimal? ContractualPenaltyRatePercent = null,
    string? DefaultLanguage = null,
    bool? RestrictToPortfolio = null);
