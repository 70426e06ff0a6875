using Dso.Domain.Users;

namespace Dso.Api.Auth;

/// <summary>
/// Reads an <c>Authorization</c> value (<c>Bearer …</c>): an API key (<c>dso_…</c>) against the stored key hashes,
/// or, when an identity provider is configured, a JWT it signed, matched to a user by subject or email address.
/// The same check serves HTTP requests and WebSocket connections (whose value comes in <c>connection_init</c>).
/// </summary>
public sealed class BearerCredentials(AuthenticateApiKey authenticateKey, AuthenticateToken authenticateToken, TokenValidator tokens)
{
    /// <summary>Who the credential names, or why it is refused.</summary>
    public async Task<(Principal? Principal, string? Error)> AuthenticateAsync(string authorization, CancellationToken cancellationToken)
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
