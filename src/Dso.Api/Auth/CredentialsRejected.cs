namespace Dso.Api.Auth;

/// <summary>Set on a request whose credentials were sent but refused (so it gets 401, not anonymous access).</summary>
public sealed record CredentialsRejected(string Reason);
