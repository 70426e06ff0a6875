using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Dso.Api.Auth;

/// <summary>The identity provider whose tokens Dso accepts (configuration section <c>Dso:Auth:Jwt</c>).</summary>
public sealed class JwtOptions
{
    public const string Section = "Dso:Auth:Jwt";

    /// <summary>The provider's issuer (<c>iss</c>), e.g. https://login.example.com/realms/acme.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience (<c>aud</c>) tokens must be for: Dso's client or API identifier at the provider.</summary>
    public string? Audience { get; set; }

    /// <summary>Discover the signing keys from the issuer's OpenID Connect metadata (refreshed by the provider's rules).</summary>
    public bool UseDiscovery { get; set; }

    /// <summary>Signing keys given by configuration: PEM public keys (RSA or EC), or base64 secrets of 32 bytes or more (HMAC).</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>The claim holding the user's email address.</summary>
    public string EmailClaim { get; set; } = "email";

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Checks a JWT's signature, issuer, audience and lifetime, and reads who it is for.</summary>
public sealed class TokenValidator
{
    private readonly TimeProvider clock;
    private readonly JwtOptions options;
    private readonly JsonWebTokenHandler handler = new();
    private readonly SecurityKey[] keys;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? discovery;

    public TokenValidator(IOptions<JwtOptions> configured, TimeProvider clock)
    {
        this.clock = clock;
        options = configured.Value;
        keys = options.SigningKeys.Select(Key).ToArray();
        if (options.UseDiscovery && options.Issuer is { } issuer)
        {
            discovery = new ConfigurationManager<OpenIdConnectConfiguration>(
                issuer.TrimEnd('/') + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = true });
        }
    }

    /// <summary>Tokens are accepted only when an issuer, an audience and keys (or discovery) are configured.</summary>
    public bool Enabled => options.Issuer is not null && options.Audience is not null && (keys.Length > 0 || discovery is not null);

    public async Task<(string? Subject, string? Email, string? Error)> ValidateAsync(string token)
    {
        var signingKeys = discovery is null ? keys : [.. keys, .. (await discovery.GetConfigurationAsync(CancellationToken.None)).SigningKeys];
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKeys = signingKeys,
            ClockSkew = options.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            LifetimeValidator = Lifetime,
        });
        if (!result.IsValid)
        {
            return (null, null, result.Exception switch
            {
                SecurityTokenExpiredException => "The token has expired.",
                SecurityTokenNotYetValidException => "The token is not valid yet.",
                SecurityTokenInvalidAudienceException => "The token is for another audience.",
                SecurityTokenInvalidIssuerException => "The token comes from another issuer.",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature does not verify.",
                _ => "The token is not valid.",
            });
        }

        return (result.ClaimsIdentity.FindFirst("sub")?.Value, result.ClaimsIdentity.FindFirst(options.EmailClaim)?.Value, null);
    }

    /// <summary>The token's lifetime against the injected clock (so tests pin "now" as they pin "today").</summary>
    private bool Lifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }

        if (notBefore > now + options.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = notBefore.Value };
        }

        return expires >= now - options.ClockSkew
            ? true
            : throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
    }

    private static SecurityKey Key(string text)
    {
        if (text.Contains("BEGIN", StringComparison.Ordinal))
        {
            try
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(text);
                return new RsaSecurityKey(rsa);
            }
            catch (ArgumentException)
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(text);
                return new ECDsaSecurityKey(ec);
            }
        }

        var secret = Convert.FromBase64String(text);
        return secret.Length >= 32 ? new SymmetricSecurityKey(secret) : throw new InvalidOperationException("An HMAC signing key has 32 bytes or more.");
    }
}
