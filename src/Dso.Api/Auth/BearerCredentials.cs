using System.Globalization;
using System.Net;
using Dso.Domain.Users;

namespace Dso.Api.Auth;

/// <summary>
/// Reads an <c>Authorization</c> value (<c>Bearer …</c>): an API key (<c>dso_…</c>) against the stored key hashes,
/// or, when an identity provider is configured, a JWT it signed, matched to a user by subject or email address.
/// The same check serves HTTP requests and WebSocket connections (whose value comes in <c>connection_init</c>).
/// </summary>
public sealed class BearerCredentials(AuthenticateApiKey authenticateKey, AuthenticateToken authenticateToken, TokenValidator tokens, FailedAuthentications failures)
{
    /// <summary>
    /// Who the credential names, or why it is refused; when <paramref name="address"/> has failed too often, how long
    /// it must wait (the credential then is not checked: see <see cref="FailedAuthentications"/>).
    /// </summary>
    public async Task<(Principal? Principal, string? Error, TimeSpan? RetryAfter)> AuthenticateAsync(string authorization, IPAddress? address, CancellationToken cancellationToken)
    {
        if (failures.Refusal(address, authorization) is { } wait)
        {
            return (null, $"Too many failed authentications from this address; retry in {wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s.", wait);
        }

        var (principal, error) = await CheckAsync(authorization, cancellationToken);
        if (principal is null)
        {
            failures.Failed(address);
        }
        else
        {
            failures.Succeeded(address, authorization);
        }

        return (principal, error, null);
    }

    private async Task<(Principal? Principal, string? Error)> CheckAsync(string authorization, CancellationToken cancellationToken)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Use 'Authorization: Bearer <API key or token>'.");
        }

        var credential = authorization["Bearer ".Length..].Trim();
        if (credential.StartsWith(ApiKey.Marker, StringComparison.Ordinal) || !tokens.Enabled)
        {
            var principal = await authenticateKey.ExecuteAsync(credential, cancellationToken);
            return principal is null ? (null, "The API key is unknown or revoked.") : (principal, null);
        }

        var identity = await tokens.ValidateAsync(credential);
        if (identity.Error is { } error)
        {
            return (null, error);
        }

        var user = await authenticateToken.ExecuteAsync(identity.Subject, identity.Email, cancellationToken);
        return user is null ? (null, "The token is valid but names no user of Dso (or users of several organizations).") : (user, null);
    }
}
