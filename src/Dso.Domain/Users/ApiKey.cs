using System.Security.Cryptography;
using System.Text;
using Dso.Domain.Common;

namespace Dso.Domain.Users;

/// <summary>A secret that authenticates a user; only its SHA-256 hash and a display prefix are stored.</summary>
public sealed class ApiKey : ITenantOwned
{
    public const string Marker = "dso_";

    private ApiKey()
    {
    }

    private ApiKey(long organizationId, long userId, string secret, DateTimeOffset createdAt)
    {
        OrganizationId = organizationId;
        UserId = userId;
        Prefix = secret[..Math.Min(secret.Length, 12)];
        Hash = HashOf(secret);
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long UserId { get; private set; }

    public User? User { get; private set; }

    /// <summary>The first characters of the key, to recognise it in a list.</summary>
    public string Prefix { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Creates a key for a user, with a fresh random secret when none is imposed.</summary>
    public static (ApiKey Key, string Secret) Issue(User user, DateTimeOffset now, string? secret = null)
    {
        secret ??= Marker + Common.Base64Url.Encode(RandomNumberGenerator.GetBytes(32));
        return (new ApiKey(user.OrganizationId, user.Id, secret, now) { User = user }, secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
