namespace Dso.Api.Tests.Penalties;

[Collection(ApiServerGroup.Name)]
public class LatePenaltiesApiTests(ApiServer server)
{
    private const string Query = """
        query($c: ID!) {
          latePenalties(clientId: $c) {
            asOf totalInterest { amount currency } totalIndemnity { amount }
            lines { piece { number } daysLate interest { amount } indemnity { amount } segments { from to annualRatePercent base { amount } amount { amount } } }
          }
        }
        """;

    [Fact]
    public async Task F0401_PaidEighteenDaysLate_Owes45395AndTheIndemnity_FromItsHistory()
    {
        var key = await server.CreateOrganizationAsync("Penalties SAS");
        var client = (await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"ALPHA\", name: \"Alpha SAS\" }] }) { clients { id } } }", key: key))
            .Data("upsertClients", "clients")![0]!["id"]!.GetValue<string>();
        const string Upsert = "mutation($p: [PieceInput!]!) { upsertPieces(input: { pieces: $p }) { userErrors { message } } }";
        await server.PostAsync(Upsert, new { p = new object[]
        {
            new { type = "INVOICE", number = "F-0401", clientCode = "ALPHA", issueDate = "2025-04-02", dueDate = "2025-05-02", amount = "70000", openAmount = "70000", balanceDate = "2025-04-02" },
            new { type = "INVOICE", number = "F-0501", clientCode = "ALPHA", issueDate = "2025-05-10", dueDate = "2025-07-10", amount = "40000", openAmount = "40000", balanceDate = "2025-05-10" },
        } }, key);
        await server.PostAsync(Upsert, new { p = new[] { new { type = "INVOICE", number = "F-0401", clientCode = "ALPHA", issueDate = "2025-04-02", dueDate = "2025-05-02", amount = "70000", openAmount = "0", balanceDate = "2025-05-20" } } }, key);

        var answer = await server.PostAsync(Query, new { c = client }, key);
        var other = await server.PostAsync(Query, new { c = client }, await server.CreateOrganizationAsync("Penalties Intruder SAS"));

        var penalties = answer.Data("latePenalties")!;
        Assert.Equal("2025-06-30", penalties["asOf"]!.GetValue<string>());
        Assert.Equal(("453.95", "EUR", "40.00"), (penalties["totalInterest"]!["amount"]!.GetValue<string>(), penalties["totalInterest"]!["currency"]!.GetValue<string>(),
            penalties["totalIndemnity"]!["amount"]!.GetValue<string>()));
        var line = penalties["lines"]!.AsArray().Single()!;
        Assert.Equal(("F-0401", 18), (line["piece"]!["number"]!.GetValue<string>(), line["daysLate"]!.GetValue<int>()));
        Assert.Equal("[{\"from\":\"2025-05-03\",\"to\":\"2025-05-20\",\"annualRatePercent\":\"13.15\",\"base\":{\"amount\":\"70000.00\"},\"amount\":{\"amount\":\"453.95\"}}]", line["segments"]!.ToJsonString());
        Assert.Equal("NOT_FOUND", other.FirstErrorCode);
        Assert.Null(other.Json!["data"]);
    }

    [Fact]
    public async Task ApplyingRecordsADebitNoteOfItsOwn_AndOnlyAnAdministratorWaivesIt()
    {
        var key = await server.CreateOrganizationAsync("Penalty Claims SAS");
        var client = (await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"ALPHA\", name: \"Alpha SAS\" }] }) { clients { id } } }", key: key))
            .Data("upsertClients", "clients")![0]!["id"]!.GetValue<string>();
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F-0401\", clientCode: \"ALPHA\", issueDate: \"2025-04-02\", dueDate: \"2025-05-02\", amount: \"70000\", openAmount: \"0\", balanceDate: \"2025-05-20\" }] }) { userErrors { message } } }", key: key);
        const string Waive = "mutation($c: ID!) { waiveLatePenalty(input: { claimId: $c, reason: \"Commercial gesture\" }) { claim { waived waiverReason claimPiece { openAmount { amount } } } userErrors { code } } }";

        var applied = await server.PostAsync("mutation($c: ID!) { applyLatePenalties(input: { clientId: $c }) { claims { id interest { amount } indemnity { amount } piece { number } claimPiece { type openAmount { amount } } } userErrors { field } } }",
            new { c = client }, key);
        var claim = applied.Data("applyLatePenalties", "claims")![0]!;
        var byViewer = await server.PostAsync(Waive, new { c = claim["id"]!.GetValue<string>() }, await server.CreateKeyAsync(key, Dso.Domain.Users.Role.Viewer));
        var byAdmin = await server.PostAsync(Waive, new { c = claim["id"]!.GetValue<string>() }, key);

        Assert.Equal("{\"amount\":\"453.95\"}", claim["interest"]!.ToJsonString());
        Assert.Equal(("F-0401", "DEBIT_NOTE", "493.95"), (claim["piece"]!["number"]!.GetValue<string>(), claim["claimPiece"]!["type"]!.GetValue<string>(),
            claim["claimPiece"]!["openAmount"]!["amount"]!.GetValue<string>()));
        Assert.True(byViewer.Forbidden, byViewer.Body);
        Assert.Equal("{\"waived\":true,\"waiverReason\":\"Commercial gesture\",\"claimPiece\":{\"openAmount\":{\"amount\":\"0.00\"}}}",
            byAdmin.Data("waiveLatePenalty", "claim")!.ToJsonString());
    }
}
