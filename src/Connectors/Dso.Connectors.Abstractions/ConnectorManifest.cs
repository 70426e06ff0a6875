using System.Text.Json.Nodes;

namespace Dso.Connectors.Abstractions;

/// <summary>What a plug-in is: shown to administrators as <c>connectorPlugins</c>, used by the host to load and configure it.</summary>
/// <param name="Id">Stable kebab-case identifier (<c>sap-b1</c>); also the plug-in's folder under <c>plugins/</c>.</param>
/// <param name="Name">Display name (<c>SAP Business One</c>).</param>
/// <param name="Vendor">Who publishes the plug-in.</param>
/// <param name="Version">The plug-in's own version.</param>
/// <param name="Capabilities">What the plug-in can read.</param>
/// <param name="Settings">The settings a connection of this plug-in takes.</param>
public sealed record ConnectorManifest(string Id, string Name, string Vendor, string Version, ConnectorCapabilities Capabilities, IReadOnlyList<SettingDefinition> Settings)
{
    /// <summary>The contract version the plug-in was built against (by default, the one it compiled with).</summary>
    public string ContractVersion { get; init; } = ConnectorContract.Version;

    /// <summary>The settings as a JSON Schema (draft 2020-12) object: names, types, defaults, which are required and which are secret (<c>writeOnly</c>).</summary>
    public JsonObject SettingsSchema()
    {
        var properties = new JsonObject();
        foreach (var setting in Settings)
        {
            var property = new JsonObject { ["type"] = setting.Type switch
            {
                SettingType.WholeNumber => "integer",
                SettingType.Boolean => "boolean",
                SettingType.TextList => "array",
                _ => "string",
            } };
            if (setting.Type == SettingType.TextList)
            {
                property["items"] = new JsonObject { ["type"] = "string" };
            }

            if (setting.Description is { } description)
            {
                property["description"] = description;
            }

            if (setting.Default is { } value)
            {
                property["default"] = JsonNode.Parse(value);
            }

            if (setting.Choices is { Count: > 0 } choices)
            {
                property["enum"] = new JsonArray([.. choices.Select(c => (JsonNode?)JsonValue.Create(c))]);
            }

            if (setting.Secret)
            {
                property["writeOnly"] = true;
            }

            properties[setting.Name] = property;
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. Settings.Where(s => s.Required).Select(s => (JsonNode?)JsonValue.Create(s.Name))]),
            ["additionalProperties"] = false,
        };
    }
}

/// <summary>What a plug-in can read.</summary>
[Flags]
public enum ConnectorCapabilities
{
    /// <summary>Nothing declared.</summary>
    None = 0,

    /// <summary>A full read: everything open now (the host settles what a full read no longer lists).</summary>
    Full = 1,

    /// <summary>An incremental read: what changed since a cursor.</summary>
    Incremental = 2,

    /// <summary>Reports settled or deleted pieces explicitly.</summary>
    Deletions = 4,

    /// <summary>Reads clients (else pieces name clients that must already exist).</summary>
    Clients = 8,
}

/// <summary>One setting of a connection.</summary>
/// <param name="Name">The setting's name, as in the connection's <c>settings</c> JSON (<c>baseUrl</c>).</param>
/// <param name="Type">Its JSON type.</param>
/// <param name="Required">Whether a connection must give it (one with a <paramref name="Default"/> never must).</param>
/// <param name="Secret">Encrypted at rest and never returned by the API (a password, a key, a token).</param>
/// <param name="Default">Its default, as JSON (<c>100</c>, <c>"auto"</c>, <c>["1010"]</c>).</param>
/// <param name="Description">What it is, for the administrator.</param>
/// <param name="Choices">The values a string setting may take, when they are few.</param>
public sealed record SettingDefinition(
    string Name, SettingType Type, bool Required = false, bool Secret = false, string? Default = null, string? Description = null, IReadOnlyList<string>? Choices = null);

/// <summary>The JSON type of a setting.</summary>
public enum SettingType
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>An array of strings.</summary>
    TextList,
}
