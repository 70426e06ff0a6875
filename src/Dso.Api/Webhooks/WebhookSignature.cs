using System.Security.Cryptography;
using System.Text;

namespace Dso.Api.Webhooks;

/// <summary>
/// The secrets and signatures of the Standard Webhooks specification: a secret is <c>whsec_</c> and the base64 of
/// 32 random bytes (the key); a signature is <c>v1,</c> and the base64 HMAC-SHA256, under the key, of
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var content = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
