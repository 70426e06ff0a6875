using Dso.Domain.Imports;

namespace Dso.Domain.Connections;

/// <summary>
/// What a sync reads from: the host's adapter around a connector plug-in. It yields normalised batches from a
/// cursor; a failure of the source (after its own retries) is thrown as <see cref="SyncSourceException"/>, with
/// words for the run.
/// </summary>
public interface ISyncSource
{
    IAsyncEnumerable<RecordBatch> ReadAsync(string? cursor, SyncMode mode, CancellationToken cancellationToken);
}

/// <summary>The source of a sync failed: the run fails with this message.</summary>
public sealed class SyncSourceException(string message, Exception? inner = null) : Exception(message, inner);
