using Dso.Domain.Events;

namespace Dso.Api.Tests.Transport;

/// <summary>graphql-transport-ws on /graphql, driven message by message over a real WebSocket.</summary>
[Collection(ApiServerGroup.Name)]
public class GraphQLWebSocketTests(ApiServer server)
{
    [Fact]
    public async Task APingBeforeInit_GetsPong_AndAQuery_AnswersOneNextWithItsCost_ThenComplete()
    {
        await using var socket = await GraphQLSocket.OpenAsync(server);
        await socket.SendAsync(new { type = "ping" });
        var pong = await socket.ReceiveAsync();
        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = $"Bearer {ApiServer.BootstrapKey}" } });
        var ack = await socket.ReceiveAsync();

        await socket.SubscribeAsync("q1", "query($n: Int!) { clients(first: $n) { totalCount } }", new { n = 5 });
        var next = await socket.ReceiveAsync();
        var complete = await socket.ReceiveAsync();

        Assert.Equal(("pong", "connection_ack"), (pong!["type"]!.GetValue<string>(), ack!["type"]!.GetValue<string>()));
        Assert.Equal(("next", "q1"), (next!["type"]!.GetValue<string>(), next["id"]!.GetValue<string>()));
        Assert.NotNull(next["payload"]!["data"]!["clients"]!["totalCount"]);
        Assert.True(next["payload"]!["extensions"]!["cost"]!["requested"]!.GetValue<int>() > 0);
        Assert.Equal("{\"type\":\"complete\",\"id\":\"q1\"}", complete!.ToJsonString());
    }

    [Fact]
    public async Task ADocumentThatDoesNotValidate_OrAnUnknownId_AnswersError_WithoutComplete_AndTheSocketStaysOpen()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(server, ApiServer.BootstrapKey);

        await socket.SubscribeAsync("bad", "subscription { noSuchField }");
        var invalid = await socket.ReceiveAsync();
        await socket.SubscribeAsync("gone", "subscription($id: ID!) { importJobUpdated(id: $id) { state } }", new { id = "SW1wb3J0Sm9iOjk5OTk5" });
        var unknown = await socket.ReceiveAsync();
        await socket.SubscribeAsync("two", "subscription { a: alertRaised { id } b: pieceUpdated { id } }");
        var twoRoots = await socket.ReceiveAsync();
        await socket.SubscribeAsync("still", "{ organization { name } }");
        var still = await socket.ReceiveAsync();

        Assert.Equal(("error", "bad"), (invalid!["type"]!.GetValue<string>(), invalid["id"]!.GetValue<string>()));
        Assert.Contains("noSuchField", invalid["payload"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("error", "NOT_FOUND"), (unknown!["type"]!.GetValue<string>(), unknown["payload"]![0]!["extensions"]!["code"]!.GetValue<string>()));
        Assert.Equal("error", twoRoots!["type"]!.GetValue<string>());
        Assert.Equal(("next", "still"), (still!["type"]!.GetValue<string>(), still["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CompletingASubscription_StopsWatching_AndItsIdCanBeUsedAgain()
    {
        var key = await server.CreateOrganizationAsync("Complete SAS");
        await using var socket = await GraphQLSocket.ConnectAsync(server, key);

        await socket.SubscribeAsync("s", "subscription { pieceUpdated { id } }");
        await server.WatchersAsync(key, EventTopic.PieceUpdated, 1);
        await socket.SendAsync(new { id = "s", type = "complete" });
        await server.WatchersAsync(key, EventTopic.PieceUpdated, 0);
        await socket.SendAsync(new { id = "unknown", type = "complete" });
        await socket.SubscribeAsync("s", "subscription { pieceUpdated { id } }");
        await server.WatchersAsync(key, EventTopic.PieceUpdated, 1);
    }

    [Theory]
    [InlineData("no subprotocol", 4406)]
    [InlineData("not JSON", 4400)]
    [InlineData("unknown type", 4400)]
    [InlineData("subscribe without id", 4400)]
    [InlineData("subscribe before init", 4401)]
    [InlineData("two inits", 4429)]
    [InlineData("same id twice", 4409)]
    [InlineData("no init in time", 4408)]
    [InlineData("no credentials", 4403)]
    [InlineData("unknown key", 4403)]
    public async Task MisusingTheProtocol_ClosesTheSocketWithItsCode(string misuse, int code)
    {
        await using var socket = await GraphQLSocket.OpenAsync(server, misuse == "no subprotocol" ? null : "graphql-transport-ws");
        var init = new { type = "connection_init", payload = new { Authorization = $"Bearer {ApiServer.BootstrapKey}" } };
        switch (misuse)
        {
            case "not JSON":
                await socket.SendTextAsync("{ type: ");
                break;
            case "unknown type":
                await socket.SendAsync(new { type = "start" });
                break;
            case "subscribe without id":
                await socket.SendAsync(init);
                await socket.ReceiveAsync();
                await socket.SendAsync(new { type = "subscribe", payload = new { query = "{ __typename }" } });
                break;
            case "subscribe before init":
                await socket.SubscribeAsync("1", "{ __typename }");
                break;
            case "two inits":
                await socket.SendAsync(init);
                await socket.SendAsync(init);
                break;
            case "same id twice":
                await socket.SendAsync(init);
                await socket.SubscribeAsync("1", "subscription { alertRaised { id } }");
                await socket.SubscribeAsync("1", "subscription { alertRaised { id } }");
                break;
            case "no credentials":
                await socket.SendAsync(new { type = "connection_init" });
                break;
            case "unknown key":
                await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer dso_unknown" } });
                break;
            default:
                break;
        }

        Assert.Equal(code, await socket.ClosedAsync());
    }

    [Fact]
    public async Task HostileDocumentsOverTheSocket_AnswerErrors_AndTheSocketStaysOpen()
    {
        string[] documents =
        [
            new string('{', 5_000),
            "subscription { pieceUpdated { " + string.Concat(Enumerable.Repeat("client { pieces(first: 100) { nodes { ", 40)) + "id" + new string('}', 160) + " }",
            "subscription { ...A } fragment A on Subscription { alertRaised { id } ...B } fragment B on Subscription { ...A }",
            "subscription { ...F20 } fragment F0 on Subscription { alertRaised { id } } " + string.Join(' ', Enumerable.Range(1, 20).Select(f => $"fragment F{f} on Subscription {{ ...F{f - 1} ...F{f - 1} }}")),
            "subscription { " + string.Join(' ', Enumerable.Range(0, 2_000).Select(a => $"a{a}: alertRaised {{ id }}")) + " }",
            "subscription { alertRaised(kinds: [NOPE]) { id } }",
            "subscription { pieceUpdated(clientId: 42) { id } }",
            "subscription { importJobUpdated(id: \"" + new string('x', 10_000) + "\") { id } }",
        ];
        await using var socket = await GraphQLSocket.ConnectAsync(server, ApiServer.BootstrapKey);

        var answers = new List<string>();
        for (var i = 0; i < documents.Length; i++)
        {
            await socket.SubscribeAsync($"h{i}", documents[i]);
            var answer = await socket.ReceiveAsync();
            answers.Add($"{answer?["id"]}:{answer?["type"]}");
        }

        await socket.SubscribeAsync("alive", "{ __typename }");
        var alive = await socket.ReceiveAsync();

        Assert.Equal(documents.Select((_, i) => $"h{i}:error"), answers);
        Assert.Equal("next", alive!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARevokedKey_ClosesItsOpenSocketWith4403()
    {
        var admin = await server.CreateOrganizationAsync("Revoked Socket SAS");
        var key = await server.CreateKeyAsync(admin, Domain.Users.Role.Collector);
        await using var socket = await GraphQLSocket.ConnectAsync(server, key);
        await socket.SubscribeAsync("alerts", "subscription { alertRaised { id } }");
        var keyId = (await server.PostAsync("{ apiKeys { id } }", key: key)).Data("apiKeys")![0]!["id"]!.GetValue<string>();

        var revoked = await server.PostAsync("mutation($id: ID!) { revokeApiKey(input: { id: $id }) { userErrors { message } } }", new { id = keyId }, admin);

        Assert.Empty(revoked.UserErrors("revokeApiKey"));
        Assert.Equal(4403, await socket.ClosedAsync());
        Assert.Contains("revoked", socket.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubscriptionPostedOverHttp_IsRefusedWith400_AndPointsToTheWebSocket()
    {
        var answer = await server.PostAsync("subscription { alertRaised { id } }", key: ApiServer.BootstrapKey);

        Assert.Equal(400, answer.Status);
        Assert.Contains("WebSocket", answer.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Null(answer.Json?["data"]);
    }
}
