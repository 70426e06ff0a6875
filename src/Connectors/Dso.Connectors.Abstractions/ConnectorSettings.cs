using System.Globalization;
using System.Text.Json;

namespace Dso.Connectors.Abstractions;

/// <summary>The settings of a connection, by name, as the host validated them against the manifest (defaults applied).</summary>
/// <param name="values">The settings as JSON values by name.</param>
public sealed class ConnectorSettings(IReadOnlyDictionary<string, JsonElement> values)
{
    /// <summary>Every setting given or defaulted.</summary>
    public IReadOnlyDictionary<string, JsonElement> Values { get; } = values;

    /// <summary>A string setting, or null when absent.</summary>
    /// <param name="name">The setting's name.</param>
    public string? GetString(string name) =>
        Values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    /// <summary>A string setting that must be there (a <see cref="ConnectorErrorKind.Configuration"/> error names it otherwise).</summary>
    /// <param name="name">The setting's name.</param>
    public string Require(string name) =>
        GetString(name) is { Length: > 0 } value ? value : throw new ConnectorException(ConnectorErrorKind.Configuration, $"The setting '{name}' is required.");

    /// <summary>A whole-number setting, or <paramref name="fallback"/> when absent.</summary>
    /// <param name="name">The setting's name.</param>
    /// <param name="fallback">The value when the setting is absent.</param>
    public int GetInt32(string name, int fallback) =>
        !Values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ? fallback
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number) ? number
        : throw new ConnectorException(ConnectorErrorKind.Configuration, $"The setting '{name}' must be a whole number.");

    /// <summary>An array-of-strings setting, empty when absent.</summary>
    /// <param name="name">The setting's name.</param>
    public IReadOnlyList<string> GetStrings(string name) =>
        !Values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ? []
        : value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
            ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
            : throw new ConnectorException(ConnectorErrorKind.Configuration, $"The setting '{name}' must be an array of strings.");
}
