namespace Dso.Api.Tests.GraphQL;

[Collection(ApiServerGroup.Name)]
public class AgendaApiTests(ApiServer server)
{
    [Fact]
    public async Task APlannedAction_IsInTheAgenda_UntilItIsCompleted()
    {
        var key = await server.CreateOrganizationAsync("Agenda SAS");
        var client = (await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"AG\", name: \"Agenda Client\" }] }) { clients { id } } }", key: key))
            .Data("upsertClients", "clients")![0]!["id"]!.GetValue<string>();

        var created = await server.PostAsync(
            "mutation($c: ID!) { createSpecificAction(input: { clientId: $c, channel: CALL, note: \"Relancer la comptable\" }) { action { id kind channel dueDate state assignee { name } } userErrors { field } } }",
            new { c = client }, key);
        var id = created.Data("createSpecificAction", "action", "id")!.GetValue<string>();
        var agenda = await server.PostAsync("{ agenda(first: 10) { totalCount nodes { id note client { code } } } }", key: key);
        var done = await server.PostAsync("mutation($id: ID!) { completeAction(input: { actionId: $id, note: \"Promesse obtenue\" }) { action { state note } userErrors { code } } }", new { id }, key);
        var after = await server.PostAsync("{ agenda(first: 10) { totalCount } }", key: key);

        Assert.Equal("{\"kind\":\"SPECIFIC\",\"channel\":\"CALL\",\"dueDate\":\"2025-06-30\",\"state\":\"PLANNED\",\"assignee\":{\"name\":\"Administrator\"}}",
            System.Text.Json.Nodes.JsonNode.Parse(created.Data("createSpecificAction", "action")!.ToJsonString().Replace($"\"id\":\"{id}\",", "", StringComparison.Ordinal))!.ToJsonString());
        Assert.Equal((1, id), (agenda.Data("agenda", "totalCount")!.GetValue<int>(), agenda.Data("agenda", "nodes")![0]!["id"]!.GetValue<string>()));
        Assert.Equal("{\"state\":\"DONE\",\"note\":\"Promesse obtenue\"}", done.Data("completeAction", "action")!.ToJsonString());
        Assert.Equal(0, after.Data("agenda", "totalCount")!.GetValue<int>());
    }
}
