using System.Globalization;
using Dso.Domain.Common;
using Dso.Domain.Common.Paging;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Persistence;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Reports;

/// <summary>
/// The per-client lines of an aged balance, sorted by their outstanding amount or by one bucket (largest
/// first by default), then by client: aggregated by client, currency and bucket in SQL, then ordered and
/// paged in memory, since the order depends on converted sums. Unapplied payments are not receivables: each line
/// shows its client's apart (<see cref="AgedBalanceRow.Unapplied"/>).
/// </summary>
public sealed class ListAgedBalanceRows(DsoDbContext db)
{
    /// <summary>A page of the lines; <c>sortBucket</c> is the index of the bucket to sort by, or null for the outstanding amount.</summary>
    public async Task<Page<AgedBalanceRow>> ExecuteAsync(AgedBalance report, int? sortBucket, bool descending, PageRequest page, CancellationToken cancellationToken) =>
        Positional.Page(await AllAsync(report, sortBucket, descending, cancellationToken),
            string.Create(CultureInfo.InvariantCulture, $"{report.AsOf:yyyy-MM-dd}|{string.Join(',', report.Buckets.Bounds)}|{sortBucket}|{descending}"), page);

    /// <summary>Every line, in order.</summary>
    public async Task<IReadOnlyList<AgedBalanceRow>> AllAsync(AgedBalance report, int? sortBucket, bool descending, CancellationToken cancellationToken)
    {
        var aging = report.Buckets;
        var sums = await db.Pieces.BalancesOn(report.AsOf).Select(BucketedBalance.Projection(aging.Of(report.AsOf)))
            .GroupBy(b => new { b.ClientId, b.Currency, b.Bucket })
            .Select(g => new { g.Key.ClientId, g.Key.Currency, g.Key.Bucket, Amount = g.Sum(b => b.Open), Count = g.Count(b => b.Open != 0) })
            .ToListAsync(cancellationToken);
        var unapplied = await db.Pieces.UnappliedOn(report.AsOf)
            .GroupBy(p => new { p.ClientId, p.Currency })
            .Select(g => new { g.Key.ClientId, g.Key.Currency, Amount = g.Sum(p => p.Open) })
            .ToListAsync(cancellationToken);
        var rates = await ExchangeRateTable.LoadAsync(db, report.AsOf, cancellationToken);
        var unappliedOf = unapplied.GroupBy(u => u.ClientId).ToDictionary(g => g.Key, g => rates.Total(g.Select(u => (u.Currency, u.Amount))));

        var rows = sums.GroupBy(s => s.ClientId).Select(client =>
        {
            var buckets = aging.Sum(client.Select(s => (s.Bucket, s.Currency, s.Amount, s.Count)), rates);
            return new AgedBalanceRow(client.Key, buckets.Sum(b => b.Amount), unappliedOf.GetValueOrDefault(client.Key), buckets);
        }).Where(r => r.Buckets.Any(b => b.Count > 0));

        Func<AgedBalanceRow, decimal> key = sortBucket is { } index ? r => r.Buckets[index].Amount : r => r.Outstanding;
        return (descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ThenBy(r => r.ClientId).ToList();
    }

    /// <summary>The lines summed by assigned collector (a client has at most one), largest outstanding first, clients without one last.</summary>
    public async Task<IReadOnlyList<AgedBalanceGroup>> ByCollectorAsync(AgedBalance report, CancellationToken cancellationToken)
    {
        var rows = await AllAsync(report, null, descending: true, cancellationToken);
        var collectors = await db.ClientAssignments
            .Join(db.Users.Where(u => (u.Roles & Role.Collector) != 0), a => a.UserId, u => u.Id, (a, u) => new { a.ClientId, a.UserId })
            .ToListAsync(cancellationToken);
        var collectorOf = collectors.GroupBy(a => a.ClientId).ToDictionary(g => g.Key, g => g.Min(a => a.UserId));
        return rows.GroupBy(r => collectorOf.TryGetValue(r.ClientId, out var user) ? user : (long?)null)
            .Select(g => new AgedBalanceGroup(g.Key, g.Count(), g.Sum(r => r.Outstanding),
                g.First().Buckets.Select((b, i) => b with { Amount = g.Sum(r => r.Buckets[i].Amount), Count = g.Sum(r => r.Buckets[i].Count) }).ToList()))
            .OrderBy(g => g.CollectorId is null).ThenByDescending(g => g.Outstanding).ThenBy(g => g.CollectorId)
            .ToList();
    }
}
