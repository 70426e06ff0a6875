using System.Text.Json.Nodes;
using Dso.Connectors.Testing;
using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Connections;

/// <summary>Connections of the tests' plug-ins, on the real server: settings checked and sealed, runs through the import pipeline, misbehaving plug-ins.</summary>
[Collection(ApiServerGroup.Name)]
public class ErpConnectionTests(ApiServer server)
{
    private const string Create = """
        mutation($input: CreateErpConnectionInput!) {
          createErpConnection(input: $input) { erpConnection { id name mode schedule nextRunAt settings plugin { id } } userErrors { field message code } }
        }
        """;

    private const string RunFields = "trigger mode clientsRead piecesRead rejected clientsUpserted piecesUpserted piecesClosed errors rowErrors(first: 5) { totalCount nodes { line column message } }";

    [Fact]
    public async Task ThePlugins_AreListedWithTheirSchema_TheNewerContractOneAndTheBrokenFolderSkipped()
    {
        var key = await server.CreateOrganizationAsync("Plugins SAS");

        var plugins = (await server.PostAsync("{ connectorPlugins { id vendor contractVersion capabilities settingsSchema } }", key: key)).Data("connectorPlugins")!.AsArray();

        Assert.Equal(["file", "sap-b1", "sap-s4", "test-hangs", "test-hoards", "test-http", "test-throws"], plugins.Select(p => p!["id"]!.GetValue<string>()));
        var http = plugins.Single(p => p!["id"]!.GetValue<string>() == "test-http")!;
        Assert.Equal("1.3", http["contractVersion"]!.GetValue<string>());
        Assert.Equal(["FULL", "INCREMENTAL", "DELETIONS", "CLIENTS"], http["capabilities"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True(http["settingsSchema"]!["properties"]!["token"]!["writeOnly"]!.GetValue<bool>());
        Assert.Equal(new JsonArray("baseUrl", "token").ToJsonString(), http["settingsSchema"]!["required"]!.ToJsonString());
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAUserErrorNamingTheField_AndNothingIsCreated()
    {
        var key = await server.CreateOrganizationAsync("Bad Connection SAS");
        await using var erp = await FakeRecordsErp.StartAsync(2, 2);

        async Task<JsonArray> ErrorsAsync(object input) => (await server.PostAsync(Create, new { input }, key)).UserErrors("createErpConnection");

        var unknown = await ErrorsAsync(new { pluginId = "sap-nope", name = "x", settings = new { } });
        var settings = await ErrorsAsync(new { pluginId = "test-http", name = "x", settings = new { baseUrl = 12, colour = "red", pageSize = "many" } });
        var cron = await ErrorsAsync(new { pluginId = "test-http", name = "x", schedule = "every day", settings = new { baseUrl = erp.Server.BaseAddress.ToString(), token = FakeRecordsErp.Token } });
        var check = await ErrorsAsync(new { pluginId = "test-http", name = "x", settings = new { baseUrl = erp.Server.BaseAddress.ToString(), token = "wrong" } });

        Assert.Equal("input.pluginId", Field(unknown[0]));
        Assert.Contains("test-http", unknown[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["input.settings.baseUrl", "input.settings.colour", "input.settings.pageSize", "input.settings.token"], settings.Select(Field).Order(StringComparer.Ordinal));
        Assert.Equal("input.schedule", Field(cron.Single()));
        Assert.Contains("refused the token", check.Single()!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await server.PostAsync("{ erpConnections { id } }", key: key)).Data("erpConnections")!.AsArray());
    }

    [Fact]
    public async Task AConnection_KeepsItsSecretSealed_RunsThroughThePipeline_AndRefusesASecondRunWhileOneIsQueued()
    {
        var key = await server.CreateOrganizationAsync("Synced SAS");
        await using var erp = await FakeRecordsErp.StartAsync(5, 40);
        var created = await server.PostAsync(Create, new { input = new { pluginId = "test-http", name = "ERP", schedule = "0 6 * * 1-5", settings = new { baseUrl = erp.Server.BaseAddress.ToString(), token = FakeRecordsErp.Token, pageSize = 10 } } }, key);
        var connection = created.Data("createErpConnection", "erpConnection")!;
        var id = connection["id"]!.GetValue<string>();

        Assert.Equal("""{"baseUrl":"@","pageSize":10,"token":"***"}""".Replace("@", erp.Server.BaseAddress.ToString(), StringComparison.Ordinal), connection["settings"]!.ToJsonString());
        Assert.Equal(("INCREMENTAL", "test-http"), (connection["mode"]!.GetValue<string>(), connection["plugin"]!["id"]!.GetValue<string>()));
        // 2025-06-30 is a Monday, 09:00 UTC: the next 06:00 in Paris is Tuesday's, 04:00 UTC.
        Assert.Equal("2025-07-01T04:00:00.000Z", connection["nextRunAt"]!.GetValue<string>());
        Assert.DoesNotContain(FakeRecordsErp.Token, await SqliteFile.ScalarAsync(server.DatabasePath, "SELECT group_concat(SealedSecrets) FROM ErpConnections"), StringComparison.Ordinal);

        var first = await server.PostAsync(SyncRuns.Run, new { id }, key);
        var second = await server.PostAsync(SyncRuns.Run, new { id }, key);
        var run = await server.WaitForRunAsync(key, first.Data("runErpConnection", "run", "id")!.GetValue<string>(), RunFields);

        Assert.Equal("CONFLICT", second.UserErrors("runErpConnection").Single()!["code"]!.GetValue<string>());
        Assert.Equal(("SUCCEEDED", "MANUAL", "INCREMENTAL"), (run["state"]!.GetValue<string>(), run["trigger"]!.GetValue<string>(), run["mode"]!.GetValue<string>()));
        Assert.Equal((5, 40, 5, 40, 0), (run["clientsRead"]!.GetValue<int>(), run["piecesRead"]!.GetValue<int>(), run["clientsUpserted"]!.GetValue<int>(), run["piecesUpserted"]!.GetValue<int>(), run["rejected"]!.GetValue<int>()));
        var totals = await server.PostAsync("{ pieces { totalCount } }", key: key);
        Assert.Equal(40, totals.Data("pieces", "totalCount")!.GetValue<int>());

        var again = await server.RunAsync(key, id, RunFields);
        Assert.Equal(("SUCCEEDED", 0, 0), (again["state"]!.GetValue<string>(), again["clientsUpserted"]!.GetValue<int>(), again["piecesUpserted"]!.GetValue<int>()));
    }

    [Fact]
    public async Task APluginThatHoardsMemory_IsStopped_AndItsRunFails()
    {
        var key = await server.CreateOrganizationAsync("Hoarding SAS");
        var id = (await server.PostAsync(Create, new { input = new { pluginId = "test-hoards", name = "Hoards", settings = new { } } }, key)).Data("createErpConnection", "erpConnection", "id")!.GetValue<string>();

        var run = await server.RunAsync(key, id, RunFields);

        Assert.Equal(("FAILED", 1), (run["state"]!.GetValue<string>(), run["clientsUpserted"]!.GetValue<int>()));
        Assert.Contains("memory over 128 MiB", run["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APluginThatThrows_OrHangsDeafToCancellation_FailsItsRun_RaisesOneSyncFailedAlert_AndTheServerGoesOn()
    {
        var key = await server.CreateOrganizationAsync("Misbehaving SAS");
        var throws = (await server.PostAsync(Create, new { input = new { pluginId = "test-throws", name = "Throws", settings = new { } } }, key)).Data("createErpConnection", "erpConnection", "id")!.GetValue<string>();
        var hangs = await server.PostAsync(Create, new { input = new { pluginId = "test-hangs", name = "Hangs", settings = new { } } }, key);

        Assert.Contains("took longer than", hangs.UserErrors("createErpConnection").Single()!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var failed = await server.RunAsync(key, throws, RunFields);
        var twice = await server.RunAsync(key, throws, RunFields);
        var alerts = await server.PostAsync("{ alerts(first: 10) { nodes { kind message } } clients { totalCount } }", key: key);

        Assert.Equal(("FAILED", "FULL", 1), (failed["state"]!.GetValue<string>(), failed["mode"]!.GetValue<string>(), failed["clientsUpserted"]!.GetValue<int>()));
        Assert.Contains("InvalidOperationException: the plug-in lost its mind", failed["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("FAILED", twice["state"]!.GetValue<string>());
        Assert.Equal("SYNC_FAILED", alerts.Data("alerts", "nodes")!.AsArray().Single()!["kind"]!.GetValue<string>());
        // The batch before the failure was committed: at least once, never lost.
        Assert.Equal(1, alerts.Data("clients", "totalCount")!.GetValue<int>());
    }

    private static string Field(JsonNode? error) => string.Join('.', error!["field"]!.AsArray().Select(f => f!.GetValue<string>()));
}
