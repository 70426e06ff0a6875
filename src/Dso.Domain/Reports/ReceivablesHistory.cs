using Dso.Domain.ExchangeRates;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Reports;

/// <summary>
/// Receivables on many dates at once, and sales per day, from grouped scans: the receivables on a date
/// are the sum of the balance changes up to it, plus the full amount of the pieces issued but whose
/// history starts later. Three grouped queries give any number of dates; amounts are converted to the
/// main currency with one rate table.
/// </summary>
internal static class ReceivablesHistory
{
    /// <summary>The receivables on each date, unrounded.</summary>
    public static async Task<IReadOnlyList<decimal>> OnAsync(DsoDbContext db, IReadOnlyList<DateOnly> dates, ExchangeRateTable rates, CancellationToken cancellationToken)
    {
        var last = dates.Max();
        var changes = await db.BalanceEvents.Where(e => e.Date <= last && e.Receivable)
            .GroupBy(e => new { e.Date, e.Currency })
            .Select(g => new Delta(g.Key.Currency, g.Key.Date, g.Sum(e => e.Change)))
            .ToListAsync(cancellationToken);
        var beforeHistory = db.Pieces.Where(p => p.HistoryStart > p.IssueDate && PieceTypes.Receivable.Contains(p.Type) && p.IssueDate <= last);
        var issued = await beforeHistory.GroupBy(p => new { p.IssueDate, p.Currency })
            .Select(g => new Delta(g.Key.Currency, g.Key.IssueDate, g.Sum(p => p.Amount)))
            .ToListAsync(cancellationToken);
        var historyStarts = await beforeHistory.Where(p => p.HistoryStart <= last).GroupBy(p => new { p.HistoryStart, p.Currency })
            .Select(g => new Delta(g.Key.Currency, g.Key.HistoryStart, -g.Sum(p => p.Amount)))
            .ToListAsync(cancellationToken);

        var deltas = changes.Concat(issued).Concat(historyStarts).ToList();
        return dates.Select(date => deltas.Where(d => d.Date <= date).GroupBy(d => d.Currency).Sum(g => rates.Convert(g.Sum(d => d.Amount), g.Key))).ToList();
    }

    /// <summary>Sales per issue day up to a date (invoices and debit notes, minus credit notes), in the main currency.</summary>
    public static async Task<SortedDictionary<DateOnly, decimal>> SalesAsync(DsoDbContext db, DateOnly until, ExchangeRateTable rates, CancellationToken cancellationToken)
    {
        var sales = await db.Pieces
            .Where(p => (p.Type == PieceType.Invoice || p.Type == PieceType.DebitNote || p.Type == PieceType.CreditNote) && p.IssueDate <= until)
            .GroupBy(p => new { p.IssueDate, p.Currency })
            .Select(g => new Delta(g.Key.Currency, g.Key.IssueDate, g.Sum(p => p.Amount)))
            .ToListAsync(cancellationToken);
        return new SortedDictionary<DateOnly, decimal>(sales.GroupBy(s => s.Date).ToDictionary(g => g.Key, g => g.Sum(s => rates.Convert(s.Amount, s.Currency))));
    }

    private sealed record Delta(string Currency, DateOnly Date, decimal Amount);
}
