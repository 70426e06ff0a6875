using System.Text.Json.Nodes;
using Dso.Domain.Events;

namespace Dso.Api.Tests.Transport;

/// <summary>The reference client of graphql-transport-ws (graphql-ws 6.4, under Node) against the live server.</summary>
[Collection(ApiServerGroup.Name)]
public class GraphQLWebSocketClientTests(ApiServer server)
{
    [Fact]
    public async Task TheGraphQLWsClient_RunsAQuery_AndReceivesASubscriptionsEvent_ThenCompletesIt()
    {
        var key = await server.CreateOrganizationAsync("Client Node SAS");
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha\" }] }) { userErrors { message } } }", key: key);

        var query = await RunAsync(key, "{ organization { name } }", 1);
        var subscriber = RunAsync(key, "subscription { pieceUpdated { number client { name } } }", 1);
        await server.WatchersAsync(key, EventTopic.PieceUpdated, 1);
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"A\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"100\", openAmount: \"100\" }] }) { userErrors { message } } }", key: key);
        var events = await subscriber;
        await server.WatchersAsync(key, EventTopic.PieceUpdated, 0);
        var refused = await RunAsync("dso_unknown", "{ organization { name } }", 1, succeed: false);

        Assert.Equal("{\"data\":{\"organization\":{\"name\":\"Client Node SAS\"}}}", Without(query.Single(), "extensions"));
        Assert.Equal("{\"data\":{\"pieceUpdated\":{\"number\":\"F1\",\"client\":{\"name\":\"Alpha\"}}}}", events.Single().ToJsonString());
        Assert.Equal(4403, refused.Single()["error"]!["code"]!.GetValue<int>());
    }

    private static string Without(JsonNode node, string property)
    {
        node.AsObject().Remove(property);
        return node.ToJsonString();
    }

    // Runs ws-client.mjs; each line it prints is one result.
    private async Task<List<JsonNode>> RunAsync(string key, string query, int results, bool succeed = true)
    {
        var url = new UriBuilder(server.GraphQLUrl) { Scheme = "ws" }.Uri.ToString();
        var (code, output, error) = await NodeClients.RunAsync("ws-client.mjs", url, $"Bearer {key}", query, results.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((code == 0) == succeed, $"node ws-client.mjs exited with {code}: {output} {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
    }
}
