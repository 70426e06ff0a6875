using System.Data.Common;

namespace Dso.Domain.Work;

/// <summary>
/// A lease held while working: <see cref="KeepAsync"/> is called often (every batch, inside its transaction) and
/// renews once a third of the lease has gone by. Work that also waits outside its transactions (a sync awaiting a
/// slow source's next page) beats too (<see cref="BeatAsync"/>), so that its lease outlives the wait. When a
/// renewal finds the lease taken, the work stops with <see cref="LeaseLostException"/> and its transaction rolls
/// back: the new holder does it.
/// </summary>
public sealed class Lease(Worker worker, TimeProvider clock, Func<DateTimeOffset, CancellationToken, Task<int>> renew, string what)
{
    private DateTimeOffset renewed = clock.GetUtcNow();
    private volatile bool lost;

    public async Task KeepAsync(CancellationToken cancellationToken)
    {
        if (lost)
        {
            throw new LeaseLostException(what);
        }

        var now = clock.GetUtcNow();
        if (now - renewed < worker.LeaseDuration / 3)
        {
            return;
        }

        if (await renew(now, cancellationToken) == 0)
        {
            throw new LeaseLostException(what);
        }

        renewed = now;
    }

    /// <summary>
    /// Renews the lease every third of its duration until <paramref name="stop"/>, through
    /// <paramref name="renewApart"/> (a connection of its own: the work's may be in use). A renewal the database
    /// refuses (busy with the work's own commit) is tried again at the next beat; one that finds the lease taken ends
    /// the beating, and the work's next <see cref="KeepAsync"/> throws.
    /// </summary>
    public async Task BeatAsync(Func<DateTimeOffset, CancellationToken, Task<int>> renewApart, CancellationToken stop)
    {
        try
        {
            while (!lost)
            {
                await Task.Delay(worker.LeaseDuration / 3, clock, stop);
                try
                {
                    lost = await renewApart(clock.GetUtcNow(), stop) == 0;
                }
                catch (DbException)
                {
                    // Busy: the next beat tries again, well within the lease.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
