using Dso.Domain.Work;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Dso.Domain.Tests.Work;

public class LeaseTests
{
    private static readonly Worker Worker = new(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task WhileTheWorkWaits_TheLeaseBeatsEveryThirdOfItsDuration_ABusyDatabaseIsTriedAgain_AndALostLeaseStopsTheNextBatch()
    {
        var start = new DateTimeOffset(2025, 6, 30, 10, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var lease = new Lease(Worker, clock, (_, _) => Task.FromResult(1), "work");
        var beats = new List<DateTimeOffset>();
        var answers = new Queue<Func<int>>([() => 1, () => throw new SqliteException("database is locked", 5), () => 1, () => 0]);
        using var stop = new CancellationTokenSource();
        var beating = lease.BeatAsync(
            (now, _) =>
            {
                beats.Add(now);
                return Task.FromResult(answers.Dequeue()());
            },
            stop.Token);

        // A second at a time, so that a beat slow to wait on the clock again is late by a few seconds at most.
        for (var second = 1; second <= 60 && !beating.IsCompleted; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        await beating.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(4, beats.Count);
        Assert.All(beats.Zip(beats.Prepend(start)), b => Assert.InRange((b.First - b.Second).TotalSeconds, 10, 15));
        await Assert.ThrowsAsync<LeaseLostException>(() => lease.KeepAsync(default));
    }
}
