namespace Dso.Api.Jobs;

/// <summary>Wakes the import worker at once when a job is queued; the jobs themselves live in the database.</summary>
public sealed class ImportSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0);

    public void Raise() => signal.Release();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}
