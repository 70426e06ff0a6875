namespace Dso.Domain.ExchangeRates;

/// <summary>A report needs a currency's rate on a date and the table has none on or before it.</summary>
public sealed class MissingExchangeRateException(string currency, string mainCurrency, DateOnly date)
    : Common.DsoException("EXCHANGE_RATE_MISSING", $"No exchange rate from {currency} to {mainCurrency} on or before {date:yyyy-MM-dd}: add one with upsertExchangeRates.")
{
    public string Currency { get; } = currency;

    public DateOnly Date { get; } = date;
}
