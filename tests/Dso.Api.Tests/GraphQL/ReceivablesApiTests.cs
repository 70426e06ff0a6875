using Dso.Domain.Users;

namespace Dso.Api.Tests.GraphQL;

[Collection(ApiServerGroup.Name)]
public class ReceivablesApiTests(ApiServer server)
{
    private const string UpsertClients = "mutation($c: [ClientInput!]!) { upsertClients(input: { clients: $c }) { clients { id code outstanding { amount currency } } userErrors { field message code } } }";
    private const string UpsertPieces = "mutation($p: [PieceInput!]!) { upsertPieces(input: { pieces: $p }) { pieces { id number type amount { amount currency } openAmount { amount } daysOverdue } userErrors { field message code } } }";

    [Fact]
    public async Task UpsertThenRead_SignsCredits_ComputesBalances_AndTheSameCallTwiceChangesNothing()
    {
        var key = await server.CreateOrganizationAsync("Alpha Group");
        await server.PostAsync(UpsertClients, new { c = new[] { new { code = "ALPHA", name = "Alpha SAS", legalId = "732829320" } } }, key);
        var pieces = new object[]
        {
            new { type = "INVOICE", number = "F1", clientCode = "ALPHA", issueDate = "2025-05-01", dueDate = "2025-06-01", amount = "1000.50", openAmount = "1000.50" },
            new { type = "CREDIT_NOTE", number = "A1", clientCode = "ALPHA", issueDate = "2025-06-05", dueDate = "2025-06-05", amount = "200", openAmount = "200" },
        };

        var first = await server.PostAsync(UpsertPieces, new { p = pieces }, key);
        var second = await server.PostAsync(UpsertPieces, new { p = pieces }, key);
        var client = await server.PostAsync("{ clients(first: 5) { nodes { code outstanding { amount currency } overdue { amount } pieces(first: 5, orderBy: [{ field: NUMBER, direction: ASC }]) { totalCount } } } }", key: key);

        Assert.Empty(first.UserErrors("upsertPieces"));
        Assert.Equal(first.Data("upsertPieces", "pieces")!.ToJsonString(), second.Data("upsertPieces", "pieces")!.ToJsonString());
        Assert.Equal(["1000.50", "-200.00"], first.Data("upsertPieces", "pieces")!.AsArray().Select(p => p!["amount"]!["amount"]!.GetValue<string>()));
        Assert.Equal(29, first.Data("upsertPieces", "pieces")![0]!["daysOverdue"]!.GetValue<int>());
        var alpha = client.Data("clients", "nodes")![0]!;
        Assert.Equal(("800.50", "EUR", "1000.50", 2), (alpha["outstanding"]!["amount"]!.GetValue<string>(), alpha["outstanding"]!["currency"]!.GetValue<string>(),
            alpha["overdue"]!["amount"]!.GetValue<string>(), alpha["pieces"]!["totalCount"]!.GetValue<int>()));
    }

    [Fact]
    public async Task BadInput_IsAUserErrorNamingTheInputField_AndChangesNothing()
    {
        var key = await server.CreateOrganizationAsync("Errors SARL");
        var answer = await server.PostAsync(UpsertPieces, new { p = new[] { new { type = "INVOICE", number = "F1", clientCode = "NOBODY", issueDate = "2025-05-01", dueDate = "2025-06-01", amount = "10", openAmount = "10" } } }, key);
        var count = await server.PostAsync("{ pieces { totalCount } }", key: key);

        var error = answer.UserErrors("upsertPieces").Single()!;
        Assert.Equal(["input", "pieces", "0", "clientCode"], error["field"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("NOT_FOUND", error["code"]!.GetValue<string>());
        Assert.Equal(0, count.Data("pieces", "totalCount")!.GetValue<int>());
    }

    [Fact]
    public async Task AnotherOrganizationsKey_SeesNoneOfItsData_ThroughListsOrIds()
    {
        var owner = await server.CreateOrganizationAsync("Owner SAS");
        var intruder = await server.CreateOrganizationAsync("Intruder SAS");
        var created = await server.PostAsync(UpsertClients, new { c = new[] { new { code = "SECRET", name = "Secret Client" } } }, owner);
        var pieces = await server.PostAsync(UpsertPieces, new { p = new[] { new { type = "INVOICE", number = "S1", clientCode = "SECRET", issueDate = "2025-05-01", dueDate = "2025-06-01", amount = "10", openAmount = "10" } } }, owner);
        var clientId = created.Data("upsertClients", "clients")![0]!["id"]!.GetValue<string>();
        var pieceId = pieces.Data("upsertPieces", "pieces")![0]!["id"]!.GetValue<string>();
        var statusId = (await server.PostAsync("{ statuses { id } }", key: owner)).Data("statuses")![0]!["id"]!.GetValue<string>();

        var seen = await server.PostAsync(
            "query($ids: [ID!]!, $c: ID!) { nodes(ids: $ids) { id } node(id: $c) { id } clients { totalCount } pieces { totalCount } pieces2: pieces(filter: { clientId: $c }) { totalCount } }",
            new { ids = new[] { clientId, pieceId, statusId }, c = clientId }, intruder);
        var rename = await server.PostAsync("mutation($id: ID!) { updateStatus(input: { id: $id, name: \"Hijacked\" }) { status { name } userErrors { code } } }", new { id = statusId }, intruder);

        Assert.Equal("[null,null,null]", seen.Data("nodes")!.ToJsonString());
        Assert.Null(seen.Data("node"));
        Assert.Equal((0, 0, 0), (seen.Data("clients", "totalCount")!.GetValue<int>(), seen.Data("pieces", "totalCount")!.GetValue<int>(), seen.Data("pieces2", "totalCount")!.GetValue<int>()));
        Assert.Equal("NOT_FOUND", rename.UserErrors("updateStatus").Single()!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task NodeAndNodes_FetchEachEntityAgainByItsGlobalId()
    {
        var key = await server.CreateOrganizationAsync("Nodes SAS");
        var created = await server.PostAsync(UpsertClients, new { c = new[] { new { code = "N1", name = "Node One" } } }, key);
        var clientId = created.Data("upsertClients", "clients")![0]!["id"]!.GetValue<string>();
        var me = await server.PostAsync("{ me { id name roles } organization { id } }", key: key);

        var answer = await server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }",
            new { ids = new[] { clientId, me.Data("me", "id")!.GetValue<string>(), me.Data("organization", "id")!.GetValue<string>(), "garbage", "UGllY2U6OTk5OTk5" } }, key);

        Assert.Equal(["Client", "User", "Organization"], answer.Data("nodes")!.AsArray().Take(3).Select(n => n!["__typename"]!.GetValue<string>()));
        Assert.Equal("[null,null]", new System.Text.Json.Nodes.JsonArray(answer.Data("nodes")!.AsArray().Skip(3).Select(n => n?.DeepClone()).ToArray()).ToJsonString());
        Assert.Equal("[\"ADMIN\"]", me.Data("me", "roles")!.ToJsonString());
    }

    [Fact]
    public async Task AViewer_ReadsButChangesNothing_AndOnlyAdminsManageStatusesAndScenarios()
    {
        var admin = await server.CreateOrganizationAsync("Roles SAS");
        var viewer = await server.CreateKeyAsync(admin, Role.Viewer);
        var collector = await server.CreateKeyAsync(admin, Role.Collector);

        var upsert = await server.PostAsync(UpsertClients, new { c = new[] { new { code = "V1", name = "Viewer Client" } } }, viewer);
        var status = await server.PostAsync("mutation { createStatus(input: { name: \"Litige qualité\", category: DISPUTE }) { status { id } userErrors { code } } }", key: collector);
        var read = await server.PostAsync("{ statuses { name } }", key: viewer);

        Assert.True(upsert.Forbidden, upsert.Body);
        Assert.True(status.Forbidden, status.Body);
        Assert.Equal(6, read.Data("statuses")!.AsArray().Count);
        Assert.Equal(0, (await server.PostAsync("{ clients { totalCount } }", key: admin)).Data("clients", "totalCount")!.GetValue<int>());
    }

    [Fact]
    public async Task Statuses_CanBeCreatedRenamedAndArchived_WithNamesKeptUnique()
    {
        var key = await server.CreateOrganizationAsync("Statuses SAS");
        var created = await server.PostAsync("mutation { createStatus(input: { name: \"Litige qualité\", category: DISPUTE, followUpDays: 10 }) { status { id name category followUpDays } userErrors { code } } }", key: key);
        var id = created.Data("createStatus", "status", "id")!.GetValue<string>();
        var duplicate = await server.PostAsync("mutation { createStatus(input: { name: \"Litige prix\", category: DISPUTE }) { status { id } userErrors { field code } } }", key: key);
        await server.PostAsync("mutation($id: ID!) { archiveStatus(input: { id: $id }) { userErrors { code } } }", new { id }, key);
        var lists = await server.PostAsync("{ active: statuses { name } all: statuses(includeArchived: true) { name archived } }", key: key);

        Assert.Equal(10, created.Data("createStatus", "status", "followUpDays")!.GetValue<int>());
        Assert.Equal("CONFLICT", duplicate.UserErrors("createStatus").Single()!["code"]!.GetValue<string>());
        Assert.Equal((6, 7), (lists.Data("active")!.AsArray().Count, lists.Data("all")!.AsArray().Count));
    }

    [Fact]
    public async Task Scenarios_EditingStepsMakesANewVersion_AndOneDefaultRemains()
    {
        var key = await server.CreateOrganizationAsync("Scenarios SAS");
        const string Create = "mutation($n: String!, $d: Boolean) { createScenario(input: { name: $n, isDefault: $d, steps: [{ offsetDays: 5, channel: EMAIL, autoSend: true }, { offsetDays: -5, channel: EMAIL }] }) { scenario { id version isDefault steps { offsetDays } } userErrors { field code } } }";
        var first = await server.PostAsync(Create, new { n = "Standard", d = true }, key);
        var second = await server.PostAsync(Create, new { n = "Grands comptes", d = true }, key);
        var id = first.Data("createScenario", "scenario", "id")!.GetValue<string>();
        var edited = await server.PostAsync("mutation($id: ID!) { updateScenario(input: { id: $id, steps: [{ offsetDays: 30, channel: CALL }] }) { scenario { version steps { offsetDays channel } } userErrors { code } } }", new { id }, key);
        var bad = await server.PostAsync("mutation { createScenario(input: { name: \"Bad\", steps: [{ offsetDays: 9999, channel: SMS }] }) { userErrors { field code } } }", key: key);
        var list = await server.PostAsync("{ scenarios { name isDefault } }", key: key);

        Assert.Equal("[{\"offsetDays\":-5},{\"offsetDays\":5}]", first.Data("createScenario", "scenario", "steps")!.ToJsonString());
        Assert.True(second.Data("createScenario", "scenario", "isDefault")!.GetValue<bool>());
        Assert.Equal(2, edited.Data("updateScenario", "scenario", "version")!.GetValue<int>());
        Assert.Equal("[\"input\",\"steps\",\"0\",\"offsetDays\"]", bad.UserErrors("createScenario").Single()!["field"]!.ToJsonString());
        Assert.Equal("[{\"name\":\"Grands comptes\",\"isDefault\":true},{\"name\":\"Standard\",\"isDefault\":false}]", list.Data("scenarios")!.ToJsonString());
    }
}
