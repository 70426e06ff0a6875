namespace Dso.Connectors.Abstractions;

/// <summary>
/// The one failure that crosses from a plug-in to the host, with its kind; anything else a plug-in throws fails its
/// run as a defect of the plug-in.
/// </summary>
public sealed class ConnectorException : Exception
{
    /// <summary>A failure of one kind, with a message for the administrator (never a secret).</summary>
    /// <param name="kind">What kind of failure.</param>
    /// <param name="message">What happened.</param>
    /// <param name="retryAfter">For a transient failure, how long the ERP asked to wait (its <c>Retry-After</c>).</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorException(ConnectorErrorKind kind, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException) => (Kind, RetryAfter) = (kind, retryAfter);

    /// <summary>What kind of failure.</summary>
    public ConnectorErrorKind Kind { get; }

    /// <summary>For a transient failure, how long the ERP asked to wait.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>The kinds of failure, and what the host does with each.</summary>
public enum ConnectorErrorKind
{
    /// <summary>The ERP is unavailable or throttling (a timeout, a 5xx, a 429): retried with back-off, honouring <see cref="ConnectorException.RetryAfter"/>.</summary>
    Transient,

    /// <summary>The credentials are refused: never retried blindly (the plug-in logs in again once where a session merely expired).</summary>
    Authentication,

    /// <summary>A setting is wrong (an unknown company, a missing permission): the run fails and the administrator is told.</summary>
    Configuration,

    /// <summary>One record is malformed: reported on the run, which goes on (prefer <see cref="ConnectorBatch.Rejected"/>).</summary>
    Rejected,
}
