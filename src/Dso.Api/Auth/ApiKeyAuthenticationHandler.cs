using System.Security.Claims;
using System.Text.Encodings.Web;
using Dso.Domain.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dso.Api.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;API key&gt;</c> against the stored key hashes.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthenticateApiKey authenticate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Reject("Use 'Authorization: Bearer <API key>'.");
        }

        var principal = await authenticate.ExecuteAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return principal is null
            ? Reject("The API key is unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(DsoClaims.Identity(principal, SchemeName)), SchemeName));
    }

    private AuthenticateResult Reject(string reason)
    {
        Context.Features.Set(new CredentialsRejected(reason));
        return AuthenticateResult.Fail(reason);
    }
}
