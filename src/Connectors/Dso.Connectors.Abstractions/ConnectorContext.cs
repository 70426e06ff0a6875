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
}
