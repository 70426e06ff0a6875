using System.Globalization;
using System.Linq.Expressions;
using Dso.Domain.Common;
using Dso.Domain.ExchangeRates;

namespace Dso.Domain.Reports;

/// <summary>
/// The buckets of an aged balance: not due, one per interval of days overdue between the bounds, over
/// the last bound, and the credits on their own. Bucket numbers: 0 not due, 1..n+1 overdue, n+2 credits.
/// </summary>
public sealed class AgingBuckets
{
    public static readonly IReadOnlyList<int> DefaultBounds = [30, 60, 90];

    public const int MaxBounds = 12;

    private AgingBuckets(IReadOnlyList<int> bounds) => Bounds = bounds;

    public IReadOnlyList<int> Bounds { get; }

    public int Credits => Bounds.Count + 2;

    public int Count => Bounds.Count + 3;

    /// <summary>The buckets for these bounds, or the user error naming <c>bucketBounds</c>.</summary>
    public static Outcome<AgingBuckets> Create(IReadOnlyList<int>? bounds)
    {
        bounds ??= DefaultBounds;
        if (bounds.Count is 0 or > MaxBounds || bounds[0] < 1 || bounds.Zip(bounds.Skip(1)).Any(p => p.Second <= p.First))
        {
            return Outcomes.Failure<AgingBuckets>(UserError.Invalid(
                $"bucketBounds are 1 to {MaxBounds} increasing numbers of days overdue, the first at least 1 (default 30, 60, 90).", "bucketBounds"));
        }

        return Outcomes.Success(new AgingBuckets(bounds.ToList()));
    }

    /// <summary>The label and day range of a bucket, as the contract describes them.</summary>
    public (string Label, int? FromDays, int? ToDays) Describe(int bucket)
    {
        if (bucket == 0)
        {
            return ("not due", null, 0);
        }

        if (bucket == Credits)
        {
            return ("credits", null, null);
        }

        var from = bucket == 1 ? 1 : Bounds[bucket - 2] + 1;
        return bucket <= Bounds.Count
            ? (string.Create(CultureInfo.InvariantCulture, $"{from}-{Bounds[bucket - 1]}"), from, Bounds[bucket - 1])
            : (string.Create(CultureInfo.InvariantCulture, $"over {Bounds[^1]}"), from, null);
    }

    /// <summary>
    /// The bucket of a piece on a date as a SQL-translatable expression: due dates are compared with
    /// dates computed here, so the database does no date arithmetic and any provider runs it.
    /// </summary>
    public Expression<Func<PieceOnDate, int>> Of(DateOnly asOf)
    {
        var piece = Expression.Parameter(typeof(PieceOnDate), "p");
        var due = Expression.Property(piece, nameof(PieceOnDate.DueDate));
        Expression bucket = Expression.Constant(Bounds.Count + 1);
        for (var i = Bounds.Count - 1; i >= -1; i--)
        {
            var earliestDue = i < 0 ? asOf : asOf.AddDays(-Bounds[i]);
            bucket = Expression.Condition(Expression.GreaterThanOrEqual(due, Expression.Constant(earliestDue)), Expression.Constant(i + 1), bucket);
        }

        bucket = Expression.Condition(Expression.Property(piece, nameof(PieceOnDate.IsCredit)), Expression.Constant(Credits), bucket);
        return Expression.Lambda<Func<PieceOnDate, int>>(bucket, piece);
    }

    /// <summary>Every bucket with its amount (converted, rounded) and count, from sums per bucket and currency.</summary>
    public List<AgedBucket> Sum(IEnumerable<(int Bucket, string Currency, decimal Amount, int Count)> sums, ExchangeRateTable rates)
    {
        var all = sums.ToList();
        return Enumerable.Range(0, Count).Select(bucket =>
        {
            var (label, from, to) = Describe(bucket);
            var inBucket = all.Where(s => s.Bucket == bucket).ToList();
            return new AgedBucket(label, from, to, rates.Total(inBucket.Select(s => (s.Currency, s.Amount))), inBucket.Sum(s => s.Count));
        }).ToList();
    }
}
