namespace Dso.Connectors.Abstractions;

/// <summary>
/// An ERP connector: the one type a plug-in exports (with a public parameterless constructor). The host makes one
/// instance per call, so it may keep per-read state (a session) in fields.
/// </summary>
public interface IConnector
{
    /// <summary>What the plug-in is and which settings it takes.</summary>
    ConnectorManifest Manifest { get; }

    /// <summary>Whether the ERP can be reached and logged in to with the settings: a clear message, no data.</summary>
    /// <param name="context">The connection's settings and what the host lends the plug-in.</param>
    /// <param name="cancellationToken">Honoured within seconds.</param>
    Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the ERP as batches, each with the cursor to resume after it. The host commits a batch, its cursor with
    /// it, before asking for the next: a read resumed from a stored cursor may repeat records (delivery is at least
    /// once; the host's upserts make it exactly once in effect). Failures cross as <see cref="ConnectorException"/>.
    /// </summary>
    /// <param name="context">The connection's settings and what the host lends the plug-in.</param>
    /// <param name="cursor">Where a previous read stopped (a batch's <see cref="ConnectorBatch.Cursor"/>), or null to start over.</param>
    /// <param name="mode">A full read (everything open now) or an incremental one (changes since the cursor).</param>
    /// <param name="cancellationToken">Honoured within seconds.</param>
    IAsyncEnumerable<ConnectorBatch> ReadAsync(ConnectorContext context, string? cursor, SyncMode mode, CancellationToken cancellationToken);
}

/// <summary>How a read goes.</summary>
public enum SyncMode
{
    /// <summary>Everything open now; the host settles the pieces of the connection the read no longer lists, once it has finished.</summary>
    Full,

    /// <summary>What changed since the cursor (with an overlap where the ERP dates changes to the day only).</summary>
    Incremental,
}

/// <summary>The answer of a check.</summary>
/// <param name="Ok">Whether the ERP answered and accepted the credentials.</param>
/// <param name="Message">What happened, for the administrator (never a secret).</param>
public sealed record CheckResult(bool Ok, string Message);
