using System.Globalization;
using System.Security.Cryptography;
using Dso.Api.Hosting;
using Dso.Domain.Portal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dso.Api.Portal;

/// <summary>
/// The signed links of the customer page and of printable documents. A page's token is its link's random key
/// protected by ASP.NET Data Protection (authenticated encryption, HMAC-SHA256; the keys live in the database, so
/// every instance reads every token); whether it still works is the link's row (expiry, revocation). A document's
/// token carries its message and an expiry read against the clock. Addresses start with <c>Dso:PublicUrl</c>, by
/// default the first address this server listens on.
/// </summary>
public sealed class PortalLinks(IDataProtectionProvider provider, IOptions<PortalOptions> options, IServer server, TimeProvider clock) : IPortalAddress
{
    public const string PagePrefix = "/portal/";

    public const string DocumentPrefix = "/documents/";

    private readonly IDataProtector pages = provider.CreateProtector("Dso.Portal.Page.v1");
    private readonly IDataProtector documents = provider.CreateProtector("Dso.Portal.Document.v1");

    public string PublicUrl => (options.Value.PublicUrl ?? ListeningAddress()).TrimEnd('/');

    public string UrlFor(PortalLink link) => PublicUrl + PagePrefix + pages.Protect(link.Key);

    /// <summary>The link key a token signs, or null for a forged or damaged token.</summary>
    public string? KeyOf(string token) => Unprotect(pages, token);

    public string DocumentUrl(long organizationId, long messageId)
    {
        var expires = (clock.GetUtcNow() + options.Value.DocumentLinkLifetime).ToUnixTimeSeconds();
        return PublicUrl + DocumentPrefix + documents.Protect(string.Create(CultureInfo.InvariantCulture, $"{organizationId}.{messageId}.{expires}"));
    }

    /// <summary>The organization and message of a document token, or why not: forged (null, false) or expired (null, true).</summary>
    public ((long OrganizationId, long MessageId)? Document, bool Expired) DocumentOf(string token)
    {
        var parts = Unprotect(documents, token)?.Split('.');
        if (parts is not { Length: 3 } || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var organization)
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var message) || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires))
        {
            return (null, false);
        }

        return expires < clock.GetUtcNow().ToUnixTimeSeconds() ? (null, true) : ((organization, message), false);
    }

    private static string? Unprotect(IDataProtector protector, string token)
    {
        try
        {
            return token.Length is > 0 and < 1000 ? protector.Unprotect(token) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private string ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? DsoApp.DefaultUrl;
        return address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
    }
}

/// <summary>The customer page's settings: <c>Dso:PublicUrl</c> and the section <c>Dso:Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string Section = "Dso:Portal";

    /// <summary><c>Dso:PublicUrl</c>: the address customers reach this server at (the links in messages start with it).</summary>
    public string? PublicUrl { get; internal set; }

    /// <summary>How long a document's download link works.</summary>
    public TimeSpan DocumentLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Requests to the customer page per minute and per IP address.</summary>
    public int RequestsPerMinute { get; set; } = 60;
}
