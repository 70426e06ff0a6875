namespace Dso.Domain.Reports;

/// <summary>Disputes over a period, by dispute status, in the main currency.</summary>
public sealed record DisputesReport(DateOnly From, DateOnly To, string Currency, IReadOnlyList<DisputeReportLine> Lines);

/// <summary>
/// One dispute status: the disputes still open at the end of the period (with their balance then), those
/// opened and those resolved within it (with the balance they had when opened), and the average days the
/// resolved ones took.
/// </summary>
public sealed record DisputeReportLine(long StatusId, int OpenCount, decimal OpenAmount, int OpenedCount, int ResolvedCount, decimal ResolvedAmount, decimal? AverageResolutionDays);
