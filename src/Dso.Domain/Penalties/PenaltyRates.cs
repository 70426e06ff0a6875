using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Penalties;

/// <summary>
/// The late-payment rate by half-year. By default French law's (Code de commerce L441-10): the ECB main
/// refinancing rate on 1 January (for January–June) or 1 July (July–December) plus 10 points. A contractual
/// rate replaces it, but never below three times the legal interest rate of the half-year (L441-10 II).
/// The tables are built in up to <see cref="BuiltIn"/>'s last half-year; administrators add the later ones
/// (and may correct a built-in one) with <see cref="UpsertPenaltyRates"/>.
/// </summary>
public sealed class PenaltyRates(IReadOnlyDictionary<(int Year, int Half), HalfYearRates> table, decimal? contractualPercent = null)
{
    /// <summary>ECB + 10 points, and the legal interest rate for professional creditors, as published.</summary>
    public static IReadOnlyDictionary<(int Year, int Half), HalfYearRates> BuiltIn { get; } = new Dictionary<(int, int), HalfYearRates>
    {
        [(2024, 1)] = new(14.50m, 4.22m),
        [(2024, 2)] = new(14.25m, 4.92m),
        [(2025, 1)] = new(13.15m, 3.71m),
        [(2025, 2)] = new(12.15m, 2.76m),
    };

    /// <summary>The built-in tables alone.</summary>
    public static PenaltyRates Default { get; } = new(BuiltIn);

    /// <summary>The built-in tables with the organization's own half-years over them.</summary>
    public static async Task<PenaltyRates> LoadAsync(DsoDbContext db, decimal? contractualPercent, CancellationToken cancellationToken)
    {
        var table = new Dictionary<(int, int), HalfYearRates>(BuiltIn);
        foreach (var row in await db.PenaltyRates.AsNoTracking().ToListAsync(cancellationToken))
        {
            table[(row.Year, row.Half)] = row.Rates;
        }

        return new PenaltyRates(table, contractualPercent);
    }

    public static (int Year, int Half) HalfYearOf(DateOnly date) => (date.Year, date.Month <= 6 ? 1 : 2);

    /// <summary>The same tables with a contractual rate (null: the legal default).</summary>
    public PenaltyRates WithContract(decimal? percent) => new(table, percent);

    /// <summary>The lowest contractual rate allowed in a date's half-year: three times the legal interest rate.</summary>
    public decimal Floor(DateOnly date) => 3 * Lookup(date).LegalInterestPercent;

    /// <summary>The annual rate (percent) of a date's half-year.</summary>
    public decimal On(DateOnly date) =>
        contractualPercent is { } contract ? Math.Max(contract, Floor(date)) : Lookup(date).PenaltyPercent;

    /// <summary>The first day of the latest half-year the tables know, on or before a date's (a new half-year's rates may not be in yet).</summary>
    public DateOnly LatestKnown(DateOnly date)
    {
        var half = HalfYearOf(date);
        var known = table.Keys.Where(k => k.CompareTo(half) <= 0).DefaultIfEmpty(half).Max();
        return new DateOnly(known.Year, known.Half == 1 ? 1 : 7, 1);
    }

    private HalfYearRates Lookup(DateOnly date) =>
        table.TryGetValue(HalfYearOf(date), out var rates) ? rates : throw new MissingPenaltyRateException(HalfYearOf(date));
}

/// <summary>A half-year's rates, in percent a year: the late-payment rate (ECB + 10 points) and the legal interest rate.</summary>
public readonly record struct HalfYearRates(decimal PenaltyPercent, decimal LegalInterestPercent);
