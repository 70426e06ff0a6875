namespace Dso.Api.Jobs;

/// <summary>Wakes a worker at once when work is queued; the work itself lives in the database (a worker polls it anyway).</summary>
public abstract class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0);

    public void Raise() => signal.Release();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        signal.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Wakes the import worker when a job is queued.</summary>
public sealed class ImportSignal : WorkSignal;

/// <summary>Wakes the sync workers when a run is queued.</summary>
public sealed class SyncSignal : WorkSignal;
