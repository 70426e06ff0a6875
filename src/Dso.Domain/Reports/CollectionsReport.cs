namespace Dso.Domain.Reports;

/// <summary>Cash collected per period and the monthly collection effectiveness index, in the main currency.</summary>
public sealed record CollectionsReport(DateOnly From, DateOnly To, Granularity Granularity, string Currency, IReadOnlyList<CollectedPeriod> Periods, decimal Total,
    IReadOnlyList<EffectivenessPoint> Effectiveness);

/// <summary>The decreases of open debit amounts in a period.</summary>
public sealed record CollectedPeriod(DateOnly Start, DateOnly End, decimal Collected);

/// <summary>
/// The collection effectiveness index of a month (or of its part in the range): (opening receivables +
/// sales − closing receivables) ÷ (opening receivables + sales − closing receivables not yet due); null when
/// the denominator is not positive.
/// </summary>
public sealed record EffectivenessPoint(DateOnly Start, DateOnly End, decimal? Index);
