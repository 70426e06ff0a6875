namespace Dso.Api.GraphQL.Transport;

/// <summary>Limits of the GraphQL endpoint (configuration section <c>Dso:Api</c>).</summary>
public sealed class TransportOptions
{
    public const string Section = "Dso:Api";

    /// <summary>Largest accepted request body (default 8 MiB: a full batch of 5 000 pieces fits).</summary>
    public long MaxRequestBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Longest a request may execute before it is cancelled (uploads are read first, then imported in the background).</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How much document text the parsed-document cache keeps, in characters (default 4 Mi).</summary>
    public long DocumentCacheChars { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a WebSocket may stay open without <c>connection_init</c> (then it is closed with 4408).</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a WebSocket's credentials are checked again (a revoked key or an expired token closes it with 4403).</summary>
    public TimeSpan CredentialCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many operations (subscriptions mostly) one WebSocket may run at once.</summary>
    public int MaxOperationsPerSocket { get; set; } = 100;
}
