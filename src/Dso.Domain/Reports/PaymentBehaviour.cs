using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Reports;

/// <summary>How late each client pays (domain-rules §5).</summary>
public static class PaymentBehaviour
{
    public const int Months = 6;

    /// <summary>
    /// The amount-weighted average of settled date − due date (original amounts, early payments negative)
    /// over each client's invoices settled in the six calendar months up to a date; clients with none are absent (0).
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, decimal>> AverageDaysLateAsync(DsoDbContext db, DateOnly asOf, CancellationToken cancellationToken)
    {
        var since = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1 - Months);
        var settled = await db.Pieces
            .Where(p => p.Type == PieceType.Invoice && p.SettledOn >= since && p.SettledOn <= asOf)
            .GroupBy(p => new { p.ClientId, p.DueDate, p.SettledOn })
            .Select(g => new { g.Key.ClientId, g.Key.DueDate, SettledOn = g.Key.SettledOn!.Value, Amount = g.Sum(p => p.Amount) })
            .ToListAsync(cancellationToken);
        return settled.GroupBy(s => s.ClientId).Where(g => g.Sum(s => s.Amount) != 0)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Amount * (s.SettledOn.DayNumber - s.DueDate.DayNumber)) / g.Sum(s => s.Amount));
    }
}
