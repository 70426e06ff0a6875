using System.Security.Claims;
using System.Text.Encodings.Web;
using Dso.Domain.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dso.Api.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer …</c>: an API key (<c>dso_…</c>) against the stored key hashes, or,
/// when an identity provider is configured, a JWT it signed, matched to a user by subject or email address.
/// Credentials sent but refused make the request 401, never anonymous.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthenticateApiKey authenticateKey,
    AuthenticateToken authenticateToken,
    TokenValidator tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Reject("Use 'Authorization: Bearer <API key or token>'.");
        }

        var credential = header["Bearer ".Length..].Trim();
        if (credential.StartsWith(ApiKey.Marker, StringComparison.Ordinal) || !tokens.Enabled)
        {
            var principal = await authenticateKey.ExecuteAsync(credential, Context.RequestAborted);
            return principal is null ? Reject("The API key is unknown or revoked.") : Success(principal);
        }

        var identity = await tokens.ValidateAsync(credential);
        if (identity.Error is { } error)
        {
            return Reject(error);
        }

        var user = await authenticateToken.ExecuteAsync(identity.Subject, identity.Email, Context.RequestAborted);
        return user is null ? Reject("The token is valid but names no user of Dso (or users of several organizations).") : Success(user);
    }

    private static AuthenticateResult Success(Principal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(DsoClaims.Identity(principal, SchemeName)), SchemeName));

    private AuthenticateResult Reject(string reason)
    {
        Context.Features.Set(new CredentialsRejected(reason));
        return AuthenticateResult.Fail(reason);
    }
}
