using System.Text.Json.Nodes;
using Dso.Api.Jobs;
using Dso.Api.Tests.Imports;
using Dso.Api.Tests.Transport;
using Dso.Domain.Events;
using Dso.Domain.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Api.Tests.Subscriptions;

/// <summary>The subscriptions of the contract, over real WebSockets, with who hears of what.</summary>
[Collection(ApiServerGroup.Name)]
public class SubscriptionApiTests(ApiServer server)
{
    private const string Pieces = "subscription { pieceUpdated { number openAmount { amount } client { code } } }";

    [Fact]
    public async Task RestrictedToTheirPortfolio_ACollectorHearsOnlyOfTheirClients_AndAnotherOrganizationOnlyOfItsOwn()
    {
        var admin = await server.CreateOrganizationAsync("Abonnés SAS");
        var collector = await server.CreateKeyAsync(admin, Role.Collector);
        var clients = await LoadAsync(admin, ("A", "F1"), ("B", "F2"));
        var collectorId = (await server.PostAsync("{ me { id } }", key: collector)).Data("me", "id")!.GetValue<string>();
        await server.PostAsync("mutation($u: ID!, $c: [ID!]!) { assignClients(input: { userId: $u, clientIds: $c }) { userErrors { code } } }", new { u = collectorId, c = new[] { clients["A"] } }, admin);
        await server.PostAsync("mutation { updateOrganizationSettings(input: { restrictToPortfolio: true }) { userErrors { message } } }", key: admin);
        var intruder = await server.CreateOrganizationAsync("Intrus SAS");
        await LoadAsync(intruder, ("Z", "Z1"));
        await server.FannedOutAsync();

        await using var adminSocket = await SubscribeAsync(admin, Pieces);
        await using var collectorSocket = await SubscribeAsync(collector, Pieces);
        await using var intruderSocket = await SubscribeAsync(intruder, Pieces);
        await server.WatchersAsync(admin, EventTopic.PieceUpdated, 2);
        await server.WatchersAsync(intruder, EventTopic.PieceUpdated, 1);
        await collectorSocket.SubscribeAsync("other", "subscription($c: ID!) { pieceUpdated(clientId: $c) { number } }", new { c = clients["B"] });
        var otherClient = await collectorSocket.ReceiveAsync();
        await PayAsync(admin, "B", "F2", 40);
        await PayAsync(admin, "A", "F1", 90);
        await PayAsync(intruder, "Z", "Z1", 10);

        Assert.Equal(("error", "NOT_FOUND"), (otherClient!["type"]!.GetValue<string>(), otherClient["payload"]![0]!["extensions"]!["code"]!.GetValue<string>()));
        Assert.Equal("{\"number\":\"F2\",\"openAmount\":{\"amount\":\"40.00\"},\"client\":{\"code\":\"B\"}}", await NextAsync(adminSocket));
        Assert.Equal("{\"number\":\"F1\",\"openAmount\":{\"amount\":\"90.00\"},\"client\":{\"code\":\"A\"}}", await NextAsync(adminSocket));
        // F2 was changed first: the collector's first event being F1 shows F2 was skipped.
        Assert.Equal("{\"number\":\"F1\",\"openAmount\":{\"amount\":\"90.00\"},\"client\":{\"code\":\"A\"}}", await NextAsync(collectorSocket));
        Assert.Equal("{\"number\":\"Z1\",\"openAmount\":{\"amount\":\"10.00\"},\"client\":{\"code\":\"Z\"}}", await NextAsync(intruderSocket));
    }

    [Fact]
    public async Task TheMorningJob_AnnouncesABrokenPromise_ToViewersSubscribedToItsKind()
    {
        var admin = await server.CreateOrganizationAsync("Promesses SAS");
        var viewer = await server.CreateKeyAsync(admin, Role.Viewer);
        await LoadAsync(admin, ("A", "F1"));
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"A\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"100\", openAmount: \"100\", balanceDate: \"2025-05-01\", promiseDate: \"2025-06-20\" }] }) { userErrors { message } } }", key: admin);
        await using var socket = await SubscribeAsync(viewer, "subscription { alertRaised(kinds: [BROKEN_PROMISE]) { kind message client { code } } }");
        await server.WatchersAsync(admin, EventTopic.AlertRaised, 1);

        await server.Services.GetRequiredService<ScenarioMorningJob>().Invoke();

        Assert.Equal("{\"kind\":\"BROKEN_PROMISE\",\"message\":\"Payment promised by 2025-06-20 not received: F1.\",\"client\":{\"code\":\"A\"}}", await NextAsync(socket));
    }

    [Fact]
    public async Task AnImportJobSubscription_StartsWithTheJobAsItIs_EndsWithItsOutcome_AndIsRefusedToAnotherOrganization()
    {
        var admin = await server.CreateOrganizationAsync("Import Suivi SAS");
        var job = (await server.UploadSageSampleAsync(admin)).Data("startImport", "job", "id")!.GetValue<string>();

        await using var socket = await SubscribeAsync(admin, "subscription($id: ID!) { importJobUpdated(id: $id) { state piecesUpserted } }", new { id = job });
        var states = new List<string>();
        for (var state = ""; state is not ("SUCCEEDED" or "FAILED");)
        {
            var next = JsonNode.Parse(await NextAsync(socket))!;
            state = next["state"]!.GetValue<string>();
            states.Add(state);
            if (state == "SUCCEEDED")
            {
                Assert.Equal(300, next["piecesUpserted"]!.GetValue<int>());
            }
        }

        await using var intruder = await SubscribeAsync(await server.CreateOrganizationAsync("Import Intrus SAS"), "subscription($id: ID!) { importJobUpdated(id: $id) { state } }", new { id = job });
        var refused = await intruder.ReceiveAsync();

        Assert.Equal(("error", "NOT_FOUND"), (refused!["type"]!.GetValue<string>(), refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>()));
        Assert.Equal("SUCCEEDED", states[^1]);
        Assert.All(states[..^1], s => Assert.Contains(s, new[] { "QUEUED", "RUNNING" }));
    }

    private async Task<Dictionary<string, string>> LoadAsync(string key, params (string Client, string Piece)[] rows)
    {
        var clients = string.Join(", ", rows.Select(r => $"{{ code: \"{r.Client}\", name: \"Client {r.Client}\" }}"));
        var created = await server.PostAsync($"mutation {{ upsertClients(input: {{ clients: [{clients}] }}) {{ clients {{ id code }} }} }}", key: key);
        foreach (var (client, piece) in rows)
        {
            await PayAsync(key, client, piece, 100);
        }

        return created.Data("upsertClients", "clients")!.AsArray().ToDictionary(c => c!["code"]!.GetValue<string>(), c => c!["id"]!.GetValue<string>());
    }

    // Writes the piece with the open amount given.
    private Task<GraphQLAnswer> PayAsync(string key, string client, string piece, int open) => server.PostAsync(
        $"mutation {{ upsertPieces(input: {{ pieces: [{{ type: INVOICE, number: \"{piece}\", clientCode: \"{client}\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"100\", openAmount: \"{open}\" }}] }}) {{ userErrors {{ message }} }} }}", key: key);

    private async Task<GraphQLSocket> SubscribeAsync(string key, string query, object? variables = null)
    {
        var socket = await GraphQLSocket.ConnectAsync(server, key);
        await socket.SubscribeAsync("s", query, variables);
        return socket;
    }

    // The data of the next event of subscription "s", as JSON.
    private static async Task<string> NextAsync(GraphQLSocket socket)
    {
        var message = await socket.ReceiveAsync();
        Assert.Equal(("next", "s"), (message?["type"]?.GetValue<string>(), message?["id"]?.GetValue<string>()));
        Assert.Null(message!["payload"]!["errors"]);
        return message["payload"]!["data"]!.AsObject().Single().Value!.ToJsonString();
    }
}
