using Dso.Domain.Users;

namespace Dso.Api.Tests.Clients;

[Collection(ApiServerGroup.Name)]
public class PortfolioApiTests(ApiServer server)
{
    private const string Assign = "mutation($u: ID!, $c: [ID!]!) { assignClients(input: { userId: $u, clientIds: $c }) { clients { code assignedUsers { name roles } } userErrors { field code } } }";

    [Fact]
    public async Task AnAdminAssignsClients_TheCollectorSeesTheirPortfolio_AndTheAgedBalanceGroupsByCollector()
    {
        var key = await server.CreateOrganizationAsync("Portfolio SAS");
        var collector = await server.CreateKeyAsync(key, Role.Collector);
        var viewer = await server.CreateKeyAsync(key, Role.Viewer);
        var clients = (await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha\" }, { code: \"B\", name: \"Beta\" }] }) { clients { id code } } }", key: key))
            .Data("upsertClients", "clients")!.AsArray().ToDictionary(c => c!["code"]!.GetValue<string>(), c => c!["id"]!.GetValue<string>());
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"A\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"100\", openAmount: \"100\" }, { type: INVOICE, number: \"F2\", clientCode: \"B\", issueDate: \"2025-06-01\", dueDate: \"2025-07-31\", amount: \"50\", openAmount: \"50\" }] }) { userErrors { message } } }", key: key);
        var collectorId = (await server.PostAsync("{ me { id } }", key: collector)).Data("me", "id")!.GetValue<string>();

        var refused = await server.PostAsync(Assign, new { u = collectorId, c = new[] { clients["A"] } }, viewer);
        var assigned = await server.PostAsync(Assign, new { u = collectorId, c = new[] { clients["A"] } }, key);
        var mine = await server.PostAsync("{ clients(filter: { assignedToMe: true }) { nodes { code } } }", key: collector);
        var groups = await server.PostAsync("{ reports { agedBalance { collectors { collector { id } clients outstanding { amount } buckets { amount { amount } } } } } }", key: key);

        Assert.True(refused.Forbidden, refused.Body);
        Assert.Equal("[{\"code\":\"A\",\"assignedUsers\":[{\"name\":\"API key COLLECTOR #2\",\"roles\":[\"COLLECTOR\"]}]}]", assigned.Data("assignClients", "clients")!.ToJsonString());
        Assert.Equal("[{\"code\":\"A\"}]", mine.Data("clients", "nodes")!.ToJsonString());
        var collectors = groups.Data("reports", "agedBalance", "collectors")!.AsArray();
        Assert.Equal((collectorId, 1, "100.00"), (collectors[0]!["collector"]!["id"]!.GetValue<string>(), collectors[0]!["clients"]!.GetValue<int>(), collectors[0]!["outstanding"]!["amount"]!.GetValue<string>()));
        Assert.Equal((null, "50.00"), (collectors[1]!["collector"], collectors[1]!["buckets"]![0]!["amount"]!["amount"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RestrictedToTheirPortfolio_ACollectorSeesOnlyTheirClients_Everywhere_AndAnAdminSeesAll()
    {
        var key = await server.CreateOrganizationAsync("Restreint SAS");
        var collector = await server.CreateKeyAsync(key, Role.Collector);
        var clients = (await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha\" }, { code: \"B\", name: \"Beta\" }] }) { clients { id code } } }", key: key))
            .Data("upsertClients", "clients")!.AsArray().ToDictionary(c => c!["code"]!.GetValue<string>(), c => c!["id"]!.GetValue<string>());
        var pieces = (await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"A\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"100\", openAmount: \"100\" }, { type: INVOICE, number: \"F2\", clientCode: \"B\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"50\", openAmount: \"50\" }] }) { pieces { id number } } }", key: key))
            .Data("upsertPieces", "pieces")!.AsArray().ToDictionary(p => p!["number"]!.GetValue<string>(), p => p!["id"]!.GetValue<string>());
        var collectorId = (await server.PostAsync("{ me { id } }", key: collector)).Data("me", "id")!.GetValue<string>();
        await server.PostAsync(Assign, new { u = collectorId, c = new[] { clients["A"] } }, key);
        await server.PostAsync("mutation { updateOrganizationSettings(input: { restrictToPortfolio: true }) { userErrors { message } } }", key: key);
        const string Everything = "query($b: ID!, $f2: ID!) { clients { nodes { code } } pieces { nodes { number } } b: node(id: $b) { id } f2: node(id: $f2) { id } reports { agedBalance { total { amount } } } statuses { id } }";

        var seen = await server.PostAsync(Everything, new { b = clients["B"], f2 = pieces["F2"] }, collector);
        var all = await server.PostAsync(Everything, new { b = clients["B"], f2 = pieces["F2"] }, key);
        var qualifyOther = await server.PostAsync("mutation($p: ID!, $s: ID!) { qualifyPieces(input: { pieceIds: [$p], statusId: $s, comment: \"x\" }) { userErrors { code } } }",
            new { p = pieces["F2"], s = seen.Data("statuses")![0]!["id"]!.GetValue<string>() }, collector);

        Assert.Equal(("[{\"code\":\"A\"}]", "[{\"number\":\"F1\"}]", "100.00"),
            (seen.Data("clients", "nodes")!.ToJsonString(), seen.Data("pieces", "nodes")!.ToJsonString(), seen.Data("reports", "agedBalance", "total", "amount")!.GetValue<string>()));
        Assert.Null(seen.Data("b"));
        Assert.Null(seen.Data("f2"));
        Assert.Equal("150.00", all.Data("reports", "agedBalance", "total", "amount")!.GetValue<string>());
        Assert.Equal(2, all.Data("clients", "nodes")!.AsArray().Count);
        Assert.NotEmpty(qualifyOther.Data("qualifyPieces", "userErrors")!.AsArray());
    }
}
