using System.Text.Json;
using System.Text.Json.Nodes;
using Dso.Connectors.Abstractions;
using Dso.Domain.Common;

namespace Dso.Api.Plugins;

/// <summary>
/// A connection's settings checked against its plug-in's manifest: an object, each key a setting of the manifest
/// with a value of its type (and one of its choices), every required setting given. Secrets are split from the
/// other values, to be sealed; a secret sent as <c>"***"</c> (or, on update, left out) keeps its stored value. The
/// API shows the values back with every secret as <c>"***"</c> (null when unset).
/// </summary>
public sealed record ConnectionSettings(JsonObject Plain, JsonObject Secrets)
{
    public const string Hidden = "***";

    public static (ConnectionSettings? Settings, List<UserError> Errors) Check(ConnectorManifest manifest, JsonElement? given, ConnectionSettings? stored)
    {
        var errors = new List<UserError>();
        var (plain, secrets) = stored is null ? (new JsonObject(), new JsonObject()) : ((JsonObject)stored.Plain.DeepClone(), (JsonObject)stored.Secrets.DeepClone());
        if (given is { } json)
        {
            if (json.ValueKind != JsonValueKind.Object)
            {
                return (null, [UserError.Invalid("The settings must be a JSON object of setting names and values.", "settings")]);
            }

            foreach (var property in json.EnumerateObject())
            {
                if (manifest.Settings.FirstOrDefault(s => s.Name == property.Name) is not { } setting)
                {
                    errors.Add(UserError.Invalid($"{manifest.Id} has no setting '{property.Name}'; its settings are: {string.Join(", ", manifest.Settings.Select(s => s.Name))}.", "settings", property.Name));
                }
                else if (setting.Secret && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() == Hidden)
                {
                    continue;
                }
                else if (Problem(setting, property.Value) is { } problem)
                {
                    errors.Add(UserError.Invalid($"{setting.Name}: {problem}", "settings", setting.Name));
                }
                else
                {
                    var target = setting.Secret ? secrets : plain;
                    target[setting.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(property.Value.GetRawText());
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        target.Remove(setting.Name);
                    }
                }
            }
        }

        var refused = errors.Select(e => e.Field[^1]).ToHashSet(StringComparer.Ordinal);
        foreach (var setting in manifest.Settings.Where(s => s.Required && s.Default is null && !plain.ContainsKey(s.Name) && !secrets.ContainsKey(s.Name) && !refused.Contains(s.Name)))
        {
            errors.Add(UserError.Invalid($"The setting '{setting.Name}' is required{(setting.Description is { } d ? $" ({d})" : "")}.", "settings", setting.Name));
        }

        return errors.Count > 0 ? (null, errors) : (new ConnectionSettings(plain, secrets), errors);
    }

    /// <summary>The settings as the API shows them: each secret of the manifest "***" when set, else null.</summary>
    public JsonObject Shown(ConnectorManifest? manifest)
    {
        var shown = (JsonObject)Plain.DeepClone();
        foreach (var secret in manifest?.Settings.Where(s => s.Secret).Select(s => s.Name) ?? Secrets.Select(s => s.Key))
        {
            shown[secret] = Secrets.ContainsKey(secret) ? Hidden : null;
        }

        return shown;
    }

    /// <summary>Every value the plug-in gets: given, else defaulted.</summary>
    public ConnectorSettings ForPlugin(ConnectorManifest manifest)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var setting in manifest.Settings.Where(s => s.Default is not null))
        {
            values[setting.Name] = JsonDocument.Parse(setting.Default!).RootElement.Clone();
        }

        foreach (var (name, value) in Plain.Concat(Secrets))
        {
            values[name] = JsonSerializer.SerializeToElement(value);
        }

        return new ConnectorSettings(values);
    }

    private static string? Problem(SettingDefinition setting, JsonElement value) => (setting.Type, value.ValueKind) switch
    {
        (_, JsonValueKind.Null) when setting.Required && setting.Default is null => "it is required.",
        (_, JsonValueKind.Null) => null,
        (SettingType.Text, JsonValueKind.String) when setting.Choices is { Count: > 0 } choices && !choices.Contains(value.GetString()!) =>
            $"'{value.GetString()}' is not one of {string.Join(", ", choices)}.",
        (SettingType.Text, JsonValueKind.String) => value.GetString()!.Length > 10_000 ? "it is longer than 10 000 characters." : null,
        (SettingType.WholeNumber, JsonValueKind.Number) => value.TryGetInt64(out _) ? null : "it must be a whole number.",
        (SettingType.Boolean, JsonValueKind.True or JsonValueKind.False) => null,
        (SettingType.TextList, JsonValueKind.Array) => value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) ? null : "it must be an array of strings.",
        (SettingType.Text, _) => "it must be a string.",
        (SettingType.WholeNumber, _) => "it must be a whole number.",
        (SettingType.Boolean, _) => "it must be true or false.",
        _ => "it must be an array of strings.",
    };
}
