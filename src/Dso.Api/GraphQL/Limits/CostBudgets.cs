using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Dso.Api.GraphQL.Limits;

/// <summary>
/// One leaky bucket of query points per credential (in this process): it holds <see cref="LimitOptions.Budget"/>
/// points and refills at <see cref="LimitOptions.RefillPerSecond"/>; a request takes its cost or is throttled.
/// </summary>
public sealed class CostBudgets(IOptions<LimitOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new();

    /// <summary>Takes the cost if the bucket holds it; answers what is left, and when it would be enough.</summary>
    public (bool Taken, double Remaining, TimeSpan RetryAfter) TryTake(string credential, long cost)
    {
        var limits = options.Value;
        var bucket = buckets.GetOrAdd(credential, _ => new Bucket(limits.Budget, clock.GetTimestamp()));
        lock (bucket)
        {
            var now = clock.GetTimestamp();
            bucket.Points = Math.Min(limits.Budget, bucket.Points + (clock.GetElapsedTime(bucket.At, now).TotalSeconds * limits.RefillPerSecond));
            bucket.At = now;
            if (cost <= bucket.Points)
            {
                bucket.Points -= cost;
                return (true, bucket.Points, TimeSpan.Zero);
            }

            return (false, bucket.Points, TimeSpan.FromSeconds(Math.Ceiling((cost - bucket.Points) / limits.RefillPerSecond)));
        }
    }

    private sealed class Bucket(double points, long at)
    {
        public double Points { get; set; } = points;

        public long At { get; set; } = at;
    }
}
