namespace Dso.Domain.Penalties;

/// <summary>
/// The default late-payment rate of French law (Code de commerce L441-10): the ECB main refinancing rate on
/// 1 January (for January–June) or 1 July (July–December) plus 10 points, by half-year.
/// </summary>
public sealed class PenaltyRates(IReadOnlyDictionary<(int Year, int Half), decimal> annualPercent)
{
    public static PenaltyRates Default { get; } = new(new Dictionary<(int, int), decimal>
    {
        [(2024, 1)] = 14.50m,
        [(2024, 2)] = 14.25m,
        [(2025, 1)] = 13.15m,
        [(2025, 2)] = 12.15m,
    });

    public static (int Year, int Half) HalfYearOf(DateOnly date) => (date.Year, date.Month <= 6 ? 1 : 2);

    /// <summary>The annual rate (percent) of a date's half-year.</summary>
    public decimal On(DateOnly date) =>
        annualPercent.TryGetValue(HalfYearOf(date), out var rate)
            ? rate
            : throw new MissingPenaltyRateException(HalfYearOf(date));
}
