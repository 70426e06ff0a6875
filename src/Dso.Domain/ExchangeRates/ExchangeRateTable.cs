using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.ExchangeRates;

/// <summary>The rates in force on one date, to convert amounts to the main currency.</summary>
public sealed class ExchangeRateTable
{
    /// <summary>Rates keep this many decimals (1 JPY = 0.0061234567 EUR).</summary>
    public const int Decimals = 10;

    private readonly Dictionary<string, decimal> rates;

    private ExchangeRateTable(string mainCurrency, DateOnly date, Dictionary<string, decimal> rates)
    {
        MainCurrency = mainCurrency;
        Date = date;
        this.rates = rates;
    }

    public string MainCurrency { get; }

    public DateOnly Date { get; }

    /// <summary>The latest rate of each currency on or before <paramref name="date"/>.</summary>
    public static async Task<ExchangeRateTable> LoadAsync(DsoDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var latest = await db.ExchangeRates.AsNoTracking().Where(r => r.Date <= date)
            .GroupBy(r => r.Currency).Select(g => g.OrderByDescending(r => r.Date).First()).ToListAsync(cancellationToken);
        return new ExchangeRateTable(organization.MainCurrency, date, latest.ToDictionary(r => r.Currency, r => r.Rate));
    }

    /// <summary>An amount in the main currency, unrounded; throws <see cref="MissingExchangeRateException"/> when the table has no rate.</summary>
    public decimal Convert(decimal amount, string currency) =>
        currency == MainCurrency || amount == 0 ? amount
        : rates.TryGetValue(currency, out var rate) ? amount * rate
        : throw new MissingExchangeRateException(currency, MainCurrency, Date);

    /// <summary>Sums amounts given per currency in the main currency, rounded to the cent.</summary>
    public decimal Total(IEnumerable<(string Currency, decimal Amount)> amounts) => Rounding.Amount(amounts.Sum(a => Convert(a.Amount, a.Currency)));
}
