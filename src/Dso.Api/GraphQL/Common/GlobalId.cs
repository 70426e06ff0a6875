using System.Globalization;
using System.Text;
using Dso.Domain.Common;

namespace Dso.Api.GraphQL.Common;

/// <summary>Opaque global IDs: the type name and the key, base64url-encoded. Clients must not parse them.</summary>
public static class GlobalId
{
    public static string Encode(string type, long id) =>
        Base64Url.Encode(Encoding.UTF8.GetBytes($"{type}:{id.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The type and key of an ID; null when it is not one of ours.</summary>
    public static (string Type, long Id)? Decode(string? globalId)
    {
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 100)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.Decode(globalId));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? (text[..colon], id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The key of an ID of the given type; null for an ID of another type or a malformed one.</summary>
    public static long? DecodeAs(string type, string? globalId) =>
        Decode(globalId) is { } decoded && decoded.Type == type ? decoded.Id : null;
}
