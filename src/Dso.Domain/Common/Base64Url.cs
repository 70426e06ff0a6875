namespace Dso.Domain.Common;

/// <summary>URL-safe base64 without padding (RFC 4648 §5), for opaque IDs, cursors and API keys.</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The bytes of a base64url text; throws <see cref="FormatException"/> when it is not one.</summary>
    public static byte[] Decode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
