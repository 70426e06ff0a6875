namespace Dso.Api.Auth;

/// <summary>Set on a request whose credentials were sent but refused (so it gets 401, not anonymous access;
/// 429 with <c>Retry-After</c> when its address failed too often).</summary>
public sealed record CredentialsRejected(string Reason, TimeSpan? RetryAfter = null);
