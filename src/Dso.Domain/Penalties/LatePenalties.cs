using Dso.Domain.Common;
using Dso.Domain.ExchangeRates;

namespace Dso.Domain.Penalties;

/// <summary>
/// A client's late-payment penalties on a date: one line per late piece, and the totals in the main currency at
/// the rates of that date (a missing rate throws <see cref="MissingExchangeRateException"/> when a total is read).
/// </summary>
public sealed record LatePenalties(DateOnly AsOf, IReadOnlyList<(Pieces.Piece Piece, PenaltyLine Line)> Lines, ExchangeRateTable Rates)
{
    public Money TotalInterest => Total(l => l.Interest);

    public Money TotalIndemnity => Total(l => l.Indemnity);

    private Money Total(Func<PenaltyLine, decimal> amount) => new(Rates.Total(Lines.Select(l => (l.Piece.Currency, amount(l.Line)))), Rates.MainCurrency);
}
