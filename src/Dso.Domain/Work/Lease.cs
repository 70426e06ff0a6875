namespace Dso.Domain.Work;

/// <summary>
/// A lease held while working: <see cref="KeepAsync"/> is called often (every batch) and renews once a third of the
/// lease has gone by. When the renewal finds the lease taken, the work stops with <see cref="LeaseLostException"/>
/// and its transaction rolls back: the new holder does it.
/// </summary>
public sealed class Lease(Worker worker, TimeProvider clock, Func<DateTimeOffset, CancellationToken, Task<int>> renew, string what)
{
    private DateTimeOffset renewed = clock.GetUtcNow();

    public async Task KeepAsync(CancellationToken cancellationToken)
    {
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
}
