using Dso.Domain.Common;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Reports;

/// <summary>
/// The aged balance on a date (default today): one SQL aggregate by currency and bucket over the
/// balances of that date, converted to the main currency at that date's rates.
/// </summary>
public sealed class ComputeAgedBalance(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<AgedBalance>> ExecuteAsync(DateOnly? asOf, IReadOnlyList<int>? bucketBounds, CancellationToken cancellationToken)
    {
        var buckets = AgingBuckets.Create(bucketBounds);
        if (!buckets.Succeeded)
        {
            return Outcomes.Failure<AgedBalance>(buckets.Errors);
        }

        var on = asOf ?? (await db.CurrentOrganizationAsync(cancellationToken)).Today(clock);
        var aging = buckets.Value!;
        var sums = await db.Pieces.BalancesOn(on).Select(BucketedBalance.Projection(aging.Of(on)))
            .GroupBy(b => new { b.Currency, b.Bucket })
            .Select(g => new { g.Key.Currency, g.Key.Bucket, Amount = g.Sum(b => b.Open), Count = g.Count(b => b.Open != 0) })
            .ToListAsync(cancellationToken);
        var rates = await ExchangeRateTable.LoadAsync(db, on, cancellationToken);

        var amounts = aging.Sum(sums.Select(s => (s.Bucket, s.Currency, s.Amount, s.Count)), rates);
        var debits = amounts.Take(aging.Credits).Sum(b => b.Amount);
        var overdue = amounts.Take(aging.Credits).Skip(1).Sum(b => b.Amount);
        return Outcomes.Success(new AgedBalance(on, rates.MainCurrency, aging, amounts.Sum(b => b.Amount), overdue,
            Rounding.Ratio(debits > 0 ? overdue / debits : 0), amounts));
    }
}
