using System.Globalization;
using System.Text.Json.Nodes;
using Dso.Api.Tests.Transport;
using Dso.Domain.Connections;
using Dso.Domain.Events;
using Dso.Api.Tests.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Api.Tests.Connections;

/// <summary>Connections belong to their organization (mutations, node, subscriptions), and schedules queue their runs.</summary>
[Collection(ApiServerGroup.Name)]
public class ErpConnectionScopeTests(ApiServer server)
{
    private const string Create = "mutation($input: CreateErpConnectionInput!) { createErpConnection(input: $input) { erpConnection { id nextRunAt } userErrors { message } } }";

    [Fact]
    public async Task AConnectionOfAnotherOrganization_IsNotFound_ForEveryMutationAndForNode()
    {
        var owner = await server.CreateOrganizationAsync("Owner SAS");
        var other = await server.CreateOrganizationAsync("Other SAS");
        var id = await CreateAsync(owner, "Owned");

        var run = await server.PostAsync(SyncRuns.Run, new { id }, other);
        var test = await server.PostAsync("mutation($id: ID!) { testErpConnection(id: $id) { ok userErrors { code } } }", new { id }, other);
        var update = await server.PostAsync("mutation($id: ID!) { updateErpConnection(input: { id: $id, name: \"Mine\" }) { erpConnection { id } userErrors { code } } }", new { id }, other);
        var delete = await server.PostAsync("mutation($id: ID!) { deleteErpConnection(id: $id) { deletedId userErrors { code } } }", new { id }, other);
        var node = await server.PostAsync("query($id: ID!) { node(id: $id) { id } erpConnections { id } }", new { id }, other);

        Assert.Equal("NOT_FOUND", run.UserErrors("runErpConnection").Single()!["code"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", test.UserErrors("testErpConnection").Single()!["code"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", update.UserErrors("updateErpConnection").Single()!["code"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", delete.UserErrors("deleteErpConnection").Single()!["code"]!.GetValue<string>());
        Assert.Null(node.Data("node"));
        Assert.Empty(node.Data("erpConnections")!.AsArray());
        Assert.Equal("Owned", (await server.PostAsync("query($id: ID!) { node(id: $id) { ... on ErpConnection { name } } }", new { id }, owner)).Data("node", "name")!.GetValue<string>());
    }

    [Fact]
    public async Task SyncRunUpdated_TellsEachOrganizationOfItsOwnRunsOnly()
    {
        var first = await server.CreateOrganizationAsync("Listening SAS");
        var second = await server.CreateOrganizationAsync("Other Listening SAS");
        var (mine, theirs) = (await CreateAsync(first, "Mine"), await CreateAsync(second, "Theirs"));
        await using var socket = await GraphQLSocket.ConnectAsync(server, first);
        await using var other = await GraphQLSocket.ConnectAsync(server, second);
        await socket.SubscribeAsync("runs", "subscription($id: ID) { syncRunUpdated(erpConnectionId: $id) { id state trigger } }", new { id = mine });
        await other.SubscribeAsync("runs", "subscription { syncRunUpdated { id state } }");
        await server.WatchersAsync(first, EventTopic.SyncRunUpdated, 1);
        await server.WatchersAsync(second, EventTopic.SyncRunUpdated, 1);

        var run = (await server.PostAsync(SyncRuns.Run, new { id = mine }, first)).Data("runErpConnection", "run", "id")!.GetValue<string>();
        var states = new List<string>();
        while (states.LastOrDefault() is not ("SUCCEEDED" or "FAILED"))
        {
            var next = (await socket.ReceiveAsync())!["payload"]!["data"]!["syncRunUpdated"]!;
            Assert.Equal(run, next["id"]!.GetValue<string>());
            states.Add(next["state"]!.GetValue<string>());
        }

        var theirRun = (await server.PostAsync(SyncRuns.Run, new { id = theirs }, second)).Data("runErpConnection", "run", "id")!.GetValue<string>();
        var heard = (await other.ReceiveAsync())!["payload"]!["data"]!["syncRunUpdated"]!;

        // Each event is delivered with the run as it is read then: a worker quick to claim it shows it RUNNING already,
        // or (on a loaded machine, the run failing at once) FAILED; the events name this organization's run only.
        Assert.Contains(states[0], new[] { "QUEUED", "RUNNING", "FAILED" });
        Assert.Equal("FAILED", states[^1]);
        // The first run the other organization hears of is its own.
        Assert.Equal(theirRun, heard["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADueSchedule_QueuesOneScheduledRun_AndPlansTheNextInTheOrganizationsTimeZone()
    {
        var key = await server.CreateOrganizationAsync("Scheduled SAS");
        var id = await CreateAsync(key, "Nightly", "30 2 * * *");
        var connection = Dso.Api.GraphQL.Common.GlobalId.DecodeAs("ErpConnection", id)!.Value;
        // Due an hour ago (the clock stands at 2025-06-30 09:00 UTC).
        await SqliteFile.ExecuteAsync(server.DatabasePath, $"UPDATE ErpConnections SET NextRunAt = {server.Clock.GetUtcNow().AddHours(-1).UtcTicks.ToString(CultureInfo.InvariantCulture)} WHERE Id = {connection}");

        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ScheduleSyncs>().ExecuteAsync(CancellationToken.None);
        }

        var after = (await server.PostAsync("query($id: ID!) { node(id: $id) { ... on ErpConnection { nextRunAt runs { nodes { trigger } } } } }", new { id }, key)).Data("node")!;
        Assert.Equal("SCHEDULE", after["runs"]!["nodes"]!.AsArray().Single()!["trigger"]!.GetValue<string>());
        // 02:30 in Paris in summer is 00:30 UTC, the next day.
        Assert.Equal("2025-07-01T00:30:00.000Z", after["nextRunAt"]!.GetValue<string>());
    }

    private async Task<string> CreateAsync(string key, string name, string schedule = "0 6 * * *")
    {
        var created = await server.PostAsync(Create, new { input = new { pluginId = "test-throws", name, schedule, settings = new { } } }, key);
        return created.Data("createErpConnection", "erpConnection", "id")!.GetValue<string>();
    }
}
