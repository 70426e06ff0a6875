using System.Security.Claims;
using System.Text.Encodings.Web;
using Dso.Domain.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dso.Api.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer …</c> with <see cref="BearerCredentials"/>. Credentials sent but refused
/// make the request 401, never anonymous.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BearerCredentials credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    public static ClaimsPrincipal ClaimsOf(Principal principal) => new(DsoClaims.Identity(principal, SchemeName));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        var (principal, error, retryAfter) = await credentials.AuthenticateAsync(header, Context.Connection.RemoteIpAddress, Context.RequestAborted);
        if (principal is null)
        {
            Context.Features.Set(new CredentialsRejected(error!, retryAfter));
            return AuthenticateResult.Fail(error!);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(ClaimsOf(principal), SchemeName));
    }
}
