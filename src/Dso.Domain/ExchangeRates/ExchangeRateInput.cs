namespace Dso.Domain.ExchangeRates;

/// <summary>One dated rate, as given to <see cref="UpsertExchangeRates"/>.</summary>
public sealed record ExchangeRateInput(string Currency, DateOnly Date, decimal Rate);
