using System.Text.Json;
using Dso.Connectors.Abstractions;

namespace Dso.Connectors.Tests;

/// <summary>What the host shows of a plug-in's settings, and how a plug-in reads them.</summary>
public class ManifestTests
{
    private static readonly ConnectorManifest SapB1 = new("sap-b1", "SAP Business One", "Dso", "1.0.0", ConnectorCapabilities.Full | ConnectorCapabilities.Incremental | ConnectorCapabilities.Clients,
    [
        new("baseUrl", SettingType.Text, Required: true, Description: "The service root."),
        new("password", SettingType.Text, Required: true, Secret: true),
        new("pageSize", SettingType.WholeNumber, Default: "100"),
        new("companyCodes", SettingType.TextList),
        new("protocol", SettingType.Text, Default: "\"auto\"", Choices: ["auto", "json-rpc"]),
    ]);

    [Fact]
    public void TheSettings_AreAJsonSchema_WithSecretsWriteOnly()
    {
        Assert.Equal(
            """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"baseUrl":{"type":"string","description":"The service root."},"password":{"type":"string","writeOnly":true},"pageSize":{"type":"integer","default":100},"companyCodes":{"type":"array","items":{"type":"string"}},"protocol":{"type":"string","default":"auto","enum":["auto","json-rpc"]}},"required":["baseUrl","password"],"additionalProperties":false}""",
            SapB1.SettingsSchema().ToJsonString());
        Assert.Equal(ConnectorContract.Version, SapB1.ContractVersion);
    }

    [Fact]
    public void Settings_ReadAsTheirTypes_AndAMissingOrWrongOneIsAConfigurationError()
    {
        using var json = JsonDocument.Parse("""{"baseUrl":"https://b1.example:50000/b1s/v1","pageSize":"250","companyCodes":["1010","1710"],"bad":{"x":1}}""");
        var settings = new ConnectorSettings(json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));

        Assert.Equal(("https://b1.example:50000/b1s/v1", 250, 20), (settings.Require("baseUrl"), settings.GetInt32("pageSize", 100), settings.GetInt32("other", 20)));
        Assert.Equal(["1010", "1710"], settings.GetStrings("companyCodes"));
        Assert.Equal(ConnectorErrorKind.Configuration, Assert.Throws<ConnectorException>(() => settings.Require("password")).Kind);
        Assert.Contains("'bad'", Assert.Throws<ConnectorException>(() => settings.GetInt32("bad", 1)).Message, StringComparison.Ordinal);
    }
}
