namespace Dso.Domain.Events;

/// <summary>
/// Wakes this process's dispatcher as soon as one of its own transactions commits events. Only a shortcut: the
/// events are in the database, and the dispatcher polls for those other processes commit. The fan-out to
/// subscribers and the durable handlers wait apart, so that a subscriber never waits for a handler.
/// </summary>
public sealed class EventSignal : IDisposable
{
    private readonly SemaphoreSlim fanOut = new(0, 1);
    private readonly SemaphoreSlim handlers = new(0, 1);

    public void Raise()
    {
        Release(fanOut);
        Release(handlers);
    }

    public Task<bool> WaitForFanOutAsync(TimeSpan timeout, CancellationToken cancellationToken) => fanOut.WaitAsync(timeout, cancellationToken);

    public Task<bool> WaitForHandlersAsync(TimeSpan timeout, CancellationToken cancellationToken) => handlers.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        fanOut.Dispose();
        handlers.Dispose();
    }

    private static void Release(SemaphoreSlim signal)
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
}
