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
    bool? RestrictToPortfolio = null,
    SendWindowInput? SendWindow = null,
    string? SenderName = null,
    string? ReplyTo = null,
    Risk.RiskWeights? RiskWeights = null);

/// <summary>A send window as a caller gives it: days, and times written HH:MM.</summary>
public sealed record SendWindowInput(IReadOnlyList<DayOfWeek> Days, string From, string To);
