using System.ComponentModel.DataAnnotations;

namespace Dso.Api.GraphQL.Transport;

/// <summary>Limits of the GraphQL endpoint (configuration section <c>Dso:Api</c>).</summary>
public sealed class TransportOptions
{
    public const string Section = "Dso:Api";

    /// <summary>Largest accepted request body (default 8 MiB: a full batch of 5 000 pieces fits).</summary>
    [Range(1024L, long.MaxValue, ErrorMessage = "Dso:Api:MaxRequestBytes must be at least 1024.")]
    public long MaxRequestBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest body of a request without credentials (default 64 KiB: introspection fits; uploads need a key).</summary>
    [Range(1024L, long.MaxValue, ErrorMessage = "Dso:Api:AnonymousMaxRequestBytes must be at least 1024.")]
    public long AnonymousMaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Longest a request may execute before it is cancelled (uploads are read first, then imported in the background).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Dso:Api:ExecutionTimeout must be between 00:00:00.100 and 01:00:00.")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How much document text the parsed-document cache keeps, in characters (default 4 Mi).</summary>
    [Range(0L, long.MaxValue, ErrorMessage = "Dso:Api:DocumentCacheChars must not be negative.")]
    public long DocumentCacheChars { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a WebSocket may stay open without <c>connection_init</c> (then it is closed with 4408).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Dso:Api:ConnectionInitTimeout must be between 00:00:00.100 and 00:10:00.")]
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a WebSocket's credentials are checked again (a revoked key or an expired token closes it with 4403).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Dso:Api:CredentialCheckInterval must be between 00:00:00.100 and 01:00:00.")]
    public TimeSpan CredentialCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many operations (subscriptions mostly) one WebSocket may run at once.</summary>
    [Range(1, 10_000, ErrorMessage = "Dso:Api:MaxOperationsPerSocket must be between 1 and 10000.")]
    public int MaxOperationsPerSocket { get; set; } = 100;

    /// <summary>How many event streams (GraphQL over SSE) one API key or user may hold open at once in this process.</summary>
    [Range(1, 10_000, ErrorMessage = "Dso:Api:MaxStreamsPerCaller must be between 1 and 10000.")]
    public int MaxStreamsPerCaller { get; set; } = 100;

    /// <summary>How often an idle event stream sends a comment, so that proxies keep it open (default 00:00:15).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Dso:Api:StreamKeepAlive must be between 00:00:01 and 00:10:00.")]
    public TimeSpan StreamKeepAlive { get; set; } = TimeSpan.FromSeconds(15);
}
