using System.Text.RegularExpressions;

namespace Dso.Domain.Common;

/// <summary>Language tags of messages: ISO 639-1, optionally with a region ("fr", "en-GB").</summary>
public static partial class Languages
{
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var parts = tag.Trim().Replace('_', '-').Split('-');
        var normalized = parts.Length == 2 ? $"{parts[0].ToLowerInvariant()}-{parts[1].ToUpperInvariant()}" : parts[0].ToLowerInvariant();
        return Tag().IsMatch(normalized) ? normalized : null;
    }

    [GeneratedRegex("^[a-z]{2}(-[A-Z]{2})?$")]
    private static partial Regex Tag();
}
