using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dso.Domain.Common;
using Dso.Domain.Reports;
using Microsoft.Extensions.Options;

namespace Dso.Api.Exports;

/// <summary>
/// Short-lived download links for report exports: the token is the request (organization, user, report and
/// its arguments, expiry) in base64url, then an HMAC-SHA256 of it. Nothing is stored; whoever holds the link
/// until it expires downloads the report, as with any signed URL.
/// </summary>
public sealed class ExportLinks
{
    public const string PathPrefix = "/exports/";

    private readonly byte[] key;
    private readonly TimeSpan lifetime;
    private readonly TimeProvider clock;

    public ExportLinks(IOptions<ExportOptions> options, TimeProvider clock)
    {
        key = options.Value.SigningKey is { Length: > 0 } configured ? Convert.FromBase64String(configured) : RandomNumberGenerator.GetBytes(32);
        if (key.Length < 32)
        {
            throw new InvalidOperationException("Dso:Exports:SigningKey must be at least 32 bytes, in base64.");
        }

        lifetime = options.Value.LinkLifetime;
        this.clock = clock;
    }

    public (string Path, DateTimeOffset ExpiresAt) Create(long organizationId, long userId, ReportRequest request)
    {
        var expiresAt = clock.GetUtcNow() + lifetime;
        var payload = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(new ExportGrant(organizationId, userId, request, expiresAt.ToUnixTimeSeconds())));
        return (PathPrefix + payload + "." + Sign(payload), expiresAt);
    }

    /// <summary>The grant of a token, or why it is refused: forged or damaged (null, Expired false), or expired.</summary>
    public (ExportGrant? Grant, bool Expired) Read(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(token[..dot])), Encoding.ASCII.GetBytes(token[(dot + 1)..])))
        {
            return (null, false);
        }

        ExportGrant? grant;
        try
        {
            grant = JsonSerializer.Deserialize<ExportGrant>(Base64Url.Decode(token[..dot]));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return (null, false);
        }

        return grant is null ? (null, false)
            : grant.ExpiresAt < clock.GetUtcNow().ToUnixTimeSeconds() ? (null, true)
            : (grant, false);
    }

    private string Sign(string payload) => Base64Url.Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)));
}

/// <summary>What a download link allows: one report, for one organization, until a time (Unix seconds).</summary>
public sealed record ExportGrant(long OrganizationId, long UserId, ReportRequest Request, long ExpiresAt);
