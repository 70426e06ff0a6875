namespace Dso.Domain.Penalties;

/// <summary>
/// The late-payment rate by half-year. By default French law's (Code de commerce L441-10): the ECB main
/// refinancing rate on 1 January (for January–June) or 1 July (July–December) plus 10 points. A contractual
/// rate replaces it, but never below three times the legal interest rate of the half-year (L441-10 II).
/// </summary>
public sealed class PenaltyRates(
    IReadOnlyDictionary<(int Year, int Half), decimal> annualPercent,
    IReadOnlyDictionary<(int Year, int Half), decimal> legalPercent,
    decimal? contractualPercent = null)
{
    /// <summary>The legal tables: ECB + 10 points, and the legal interest rate for professional creditors.</summary>
    public static PenaltyRates Default { get; } = new(
        new Dictionary<(int, int), decimal> { [(2024, 1)] = 14.50m, [(2024, 2)] = 14.25m, [(2025, 1)] = 13.15m, [(2025, 2)] = 12.15m },
        new Dictionary<(int, int), decimal> { [(2024, 1)] = 4.22m, [(2024, 2)] = 4.92m, [(2025, 1)] = 3.71m, [(2025, 2)] = 2.76m });

    public static (int Year, int Half) HalfYearOf(DateOnly date) => (date.Year, date.Month <= 6 ? 1 : 2);

    /// <summary>The same tables with a contractual rate (null: the legal default).</summary>
    public PenaltyRates WithContract(decimal? percent) => new(annualPercent, legalPercent, percent);

    /// <summary>The lowest contractual rate allowed in a date's half-year: three times the legal interest rate.</summary>
    public decimal Floor(DateOnly date) => 3 * Lookup(legalPercent, date);

    /// <summary>The annual rate (percent) of a date's half-year.</summary>
    public decimal On(DateOnly date) =>
        contractualPercent is { } contract ? Math.Max(contract, Floor(date)) : Lookup(annualPercent, date);

    /// <summary>The first day of the latest half-year the tables know, on or before a date's (a new half-year's rates may not be in yet).</summary>
    public DateOnly LatestKnown(DateOnly date)
    {
        var half = HalfYearOf(date);
        var known = annualPercent.Keys.Where(k => k.CompareTo(half) <= 0 && legalPercent.ContainsKey(k)).DefaultIfEmpty(half).Max();
        return new DateOnly(known.Year, known.Half == 1 ? 1 : 7, 1);
    }

    private static decimal Lookup(IReadOnlyDictionary<(int Year, int Half), decimal> table, DateOnly date) =>
        table.TryGetValue(HalfYearOf(date), out var rate) ? rate : throw new MissingPenaltyRateException(HalfYearOf(date));
}
