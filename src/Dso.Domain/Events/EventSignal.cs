namespace Dso.Domain.Events;

/// <summary>
/// Wakes this process's dispatcher as soon as one of its own transactions commits events. Only a shortcut: the
/// events are in the database, and the dispatcher polls for those other processes commit.
/// </summary>
public sealed class EventSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Raise()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised: one wake-up covers every event committed since.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}
