using Microsoft.Extensions.Logging;

namespace Dso.Connectors.Abstractions;

/// <summary>What the host lends a plug-in for one call: the connection's settings, a logger, HTTP clients, the clock, and a place to keep a rotated secret.</summary>
public abstract class ConnectorContext
{
    /// <summary>The connection's settings, secrets decrypted, defaults applied.</summary>
    public abstract ConnectorSettings Settings { get; }

    /// <summary>Where the plug-in logs (never a secret): the lines go to the host's log, tagged with the connection.</summary>
    public abstract ILogger Logger { get; }

    /// <summary>The clock: business dates and cursors come from it, never from the system clock directly.</summary>
    public abstract TimeProvider Clock { get; }

    /// <summary>An HTTP client the host configured (its handler pooled, its timeout set); the plug-in must not dispose its handler.</summary>
    public abstract HttpClient CreateHttpClient();

    /// <summary>
    /// Stores a new value of a secret setting (a refresh token the ERP rotated), encrypted, before the plug-in uses
    /// it: a crash after the ERP rotated it never leaves the connection with a dead credential.
    /// </summary>
    /// <param name="name">The secret setting's name.</param>
    /// <param name="value">Its new value.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public abstract Task StoreSecretAsync(string name, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a CSV or XLSX file the way the host's file import does, through one of the organization's saved import
    /// mappings, and checks every record as an import would (contract 1.1): what is wrong with it, one rejected
    /// record per problem, each naming its line and column; empty when the whole file can be imported.
    /// </summary>
    /// <param name="path">The file, on the host's disk.</param>
    /// <param name="mappingName">The name of a saved import mapping.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public virtual Task<IReadOnlyList<RejectedRecord>> CheckTableFileAsync(string path, string mappingName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This host does not read table files (contract 1.1).");

    /// <summary>The records of a CSV or XLSX file read through a saved import mapping, in batches without a cursor (contract 1.1).</summary>
    /// <param name="path">The file, on the host's disk.</param>
    /// <param name="mappingName">The name of a saved import mapping.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public virtual IAsyncEnumerable<ConnectorBatch> ReadTableFileAsync(string path, string mappingName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This host does not read table files (contract 1.1).");
}
