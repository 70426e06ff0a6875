using Dso.Domain.ExchangeRates;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Reports;

/// <summary>
/// The pieces that make receivables (<see cref="PieceTypes.Receivable"/>), with their balance on a date
/// computed in SQL from the balance history: the current open amount when nothing changed since, the full
/// amount before the history starts, else the latest event on or before the date.
/// </summary>
public static class ReceivablesOn
{
    /// <summary>The receivable pieces issued by <paramref name="date"/> and not settled before it, with their balance on it.</summary>
    public static IQueryable<PieceOnDate> BalancesOn(this IQueryable<Piece> pieces, DateOnly date) =>
        pieces.Where(p => PieceTypes.Receivable.Contains(p.Type)).OpenOn(date);

    /// <summary>The unapplied payments received by <paramref name="date"/> and not applied before it, with their balance on it (negative).</summary>
    public static IQueryable<PieceOnDate> UnappliedOn(this IQueryable<Piece> pieces, DateOnly date) =>
        pieces.Where(p => p.Type == PieceType.UnappliedPayment).OpenOn(date);

    private static IQueryable<PieceOnDate> OpenOn(this IQueryable<Piece> pieces, DateOnly date) =>
        pieces
            .Where(p => p.IssueDate <= date && (p.SettledOn == null || p.SettledOn > date))
            .Select(p => new PieceOnDate
            {
                Id = p.Id,
                ClientId = p.ClientId,
                Currency = p.Currency,
                DueDate = p.DueDate,
                StatusId = p.StatusId,
                HasComment = p.StatusComment != null,
                PromiseDate = p.PromiseDate,
                IsCredit = p.Type == PieceType.CreditNote || (p.Type == PieceType.Misc && p.Amount < 0),
                Open = p.BalanceDate <= date ? p.OpenAmount
                    : p.HistoryStart > date ? p.Amount
                    : p.BalanceHistory.Where(e => e.Date <= date).OrderByDescending(e => e.Date).Select(e => e.OpenAmount).First(),
            });

    /// <summary>The receivables not yet due on a date (open debits due on or after it), in the main currency, unrounded.</summary>
    public static async Task<decimal> NotDueAsync(this IQueryable<Piece> pieces, DateOnly date, ExchangeRateTable rates, CancellationToken cancellationToken) =>
        (await pieces.BalancesOn(date).Where(p => !p.IsCredit && p.DueDate >= date)
            .GroupBy(p => p.Currency).Select(g => new { Currency = g.Key, Amount = g.Sum(p => p.Open) }).ToListAsync(cancellationToken))
        .Sum(n => rates.Convert(n.Amount, n.Currency));
}
