using System.Text.Json.Nodes;

namespace Dso.Api.Tests.Connections;

/// <summary>Runs a connection on the test server and waits for the run to end.</summary>
public static class SyncRuns
{
    public const string Run = "mutation($id: ID!) { runErpConnection(id: $id) { run { id state trigger } userErrors { field message code } } }";

    /// <summary>Queues a run of the connection and returns the run once it has ended, with <paramref name="fields"/>.</summary>
    public static async Task<JsonNode> RunAsync(this ApiServer server, string key, string connection, string fields) =>
        await server.WaitForRunAsync(key, (await server.PostAsync(Run, new { id = connection }, key)).Data("runErpConnection", "run", "id")!.GetValue<string>(), fields);

    /// <summary>The run once it has ended (or after 30 s), with <paramref name="fields"/>.</summary>
    public static async Task<JsonNode> WaitForRunAsync(this ApiServer server, string key, string run, string fields)
    {
        for (var attempt = 0; ; attempt++)
        {
            var node = (await server.PostAsync($"query($id: ID!) {{ node(id: $id) {{ ... on SyncRun {{ state {fields} }} }} }}", new { id = run }, key)).Data("node")!;
            if (node["state"]!.GetValue<string>() is not ("QUEUED" or "RUNNING") || attempt == 300)
            {
                return node;
            }

            await Task.Delay(100);
        }
    }
}
