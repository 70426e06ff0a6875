using System.Text.Json.Nodes;

namespace Dso.Api.Tests.Risk;

/// <summary>Clients' risk over the API: scored as their pieces arrive, explained by factors, filtered and ordered; the weights an administrator's setting.</summary>
[Collection(ApiServerGroup.Name)]
public class RiskApiTests(ApiServer server)
{
    private const string List = "query($f: ClientFilter, $o: [ClientOrder!]) { clients(filter: $f, orderBy: $o) { nodes { code riskScore risk { score class factors { name value weight points } } } } }";

    [Fact]
    public async Task ClientsAreScoredFromTheirPieces_ExplainedByFactors_AndListedByRisk()
    {
        var key = await server.CreateOrganizationAsync("Risk Scores SAS");
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha\", creditLimit: \"2000\" }, { code: \"B\", name: \"Beta\" }] }) { userErrors { message } } }", key: key);
        // A: settled 40 days late (2 000), open 30 days late (1 000) and not due (1 000); B: not due.
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [" +
            "{ type: INVOICE, number: \"F1\", clientCode: \"A\", issueDate: \"2025-03-31\", dueDate: \"2025-04-30\", amount: \"2000\", openAmount: \"0\", balanceDate: \"2025-06-09\" }," +
            "{ type: INVOICE, number: \"F2\", clientCode: \"A\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"1000\", openAmount: \"1000\" }," +
            "{ type: INVOICE, number: \"F3\", clientCode: \"A\", issueDate: \"2025-06-15\", dueDate: \"2025-07-15\", amount: \"1000\", openAmount: \"1000\" }," +
            "{ type: INVOICE, number: \"G1\", clientCode: \"B\", issueDate: \"2025-06-15\", dueDate: \"2025-07-15\", amount: \"500\", openAmount: \"500\" }] }) { userErrors { message } } }", key: key);

        // Both are scored once created (100, nothing owed); A again once its pieces' batch is handled.
        var scored = await ScoredAsync(key, 2, nodes => nodes.Any(n => n!["code"]!.GetValue<string>() == "A" && n["riskScore"]!.GetValue<int>() != 100));
        var classB = await CodesAsync(key, new { riskClasses = new[] { "B" } });
        var atLeast60 = await CodesAsync(key, new { minRiskScore = 60 });
        var byScore = await CodesAsync(key, null, new { field = "RISK_SCORE", direction = "ASC" });
        var worstClassFirst = await CodesAsync(key, null, new { field = "RISK_CLASS", direction = "DESC" });
        var elsewhere = await server.PostAsync(List, key: await server.CreateOrganizationAsync("Risk Scores Elsewhere SAS"));

        var a = scored.Single(c => c!["code"]!.GetValue<string>() == "A")!;
        Assert.Equal(59, a["riskScore"]!.GetValue<int>());
        Assert.Equal("{\"score\":59,\"class\":\"B\",\"factors\":[" +
            "{\"name\":\"averageDaysLate\",\"value\":\"36.6667\",\"weight\":\"40\",\"points\":\"23.7\"}," +
            "{\"name\":\"overdueShare\",\"value\":\"0.5\",\"weight\":\"20\",\"points\":\"10\"}," +
            "{\"name\":\"disputedShare\",\"value\":\"0\",\"weight\":\"15\",\"points\":\"15\"}," +
            "{\"name\":\"creditLimitUse\",\"value\":\"1\",\"weight\":\"15\",\"points\":\"0\"}," +
            "{\"name\":\"brokenPromises\",\"value\":\"0\",\"weight\":\"10\",\"points\":\"10\"}]}", a["risk"]!.ToJsonString());
        Assert.Equal((100, "A"), (scored.Single(c => c!["code"]!.GetValue<string>() == "B")!["riskScore"]!.GetValue<int>(), scored[1]!["risk"]!["class"]!.GetValue<string>()));
        Assert.Equal(["A"], classB);
        Assert.Equal(["B"], atLeast60);
        Assert.Equal(["A", "B"], byScore);
        Assert.Equal(["A", "B"], worstClassFirst);
        Assert.Empty(elsewhere.Data("clients", "nodes")!.AsArray());
    }

    [Fact]
    public async Task TheWeights_AreAnAdministratorsSetting_CheckedFieldByField()
    {
        var key = await server.CreateOrganizationAsync("Risk Weights SAS");
        const string Update = "mutation($w: RiskWeightsInput!) { updateOrganizationSettings(input: { riskWeights: $w }) { organization { settings { riskWeights { averageDaysLate overdueShare disputedShare creditLimitUse brokenPromises } } } userErrors { field message } } }";

        var defaults = await server.PostAsync("{ organization { settings { riskWeights { averageDaysLate overdueShare disputedShare creditLimitUse brokenPromises } } } }", key: key);
        var bad = await server.PostAsync(Update, new { w = new { averageDaysLate = "-1", overdueShare = "20", disputedShare = "0", creditLimitUse = "0", brokenPromises = "0" } }, key);
        var good = await server.PostAsync(Update, new { w = new { averageDaysLate = "50", overdueShare = "50", disputedShare = "0", creditLimitUse = "0", brokenPromises = "0" } }, key);
        var collector = await server.PostAsync(Update, new { w = new { averageDaysLate = "1", overdueShare = "1", disputedShare = "1", creditLimitUse = "1", brokenPromises = "1" } },
            await server.CreateKeyAsync(key, Dso.Domain.Users.Role.Collector));

        Assert.Equal("{\"averageDaysLate\":\"40\",\"overdueShare\":\"20\",\"disputedShare\":\"15\",\"creditLimitUse\":\"15\",\"brokenPromises\":\"10\"}",
            defaults.Data("organization", "settings", "riskWeights")!.ToJsonString());
        Assert.Equal("[{\"field\":[\"input\",\"riskWeights\",\"averageDaysLate\"],\"message\":\"A weight is between 0 and 100.\"}]", bad.UserErrors("updateOrganizationSettings").ToJsonString());
        Assert.Equal("{\"averageDaysLate\":\"50\",\"overdueShare\":\"50\",\"disputedShare\":\"0\",\"creditLimitUse\":\"0\",\"brokenPromises\":\"0\"}",
            good.Data("updateOrganizationSettings", "organization", "settings", "riskWeights")!.ToJsonString());
        Assert.True(collector.Forbidden, collector.Body);
    }

    // The clients once every one of them is scored (the event processor runs beside the requests).
    private async Task<JsonArray> ScoredAsync(string key, int count, Func<JsonArray, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var nodes = (await server.PostAsync(List, new { o = new[] { new { field = "CODE", direction = "ASC" } } }, key)).Data("clients", "nodes")!.AsArray();
            if (nodes.Count == count && nodes.All(n => n!["risk"] is not null) && done(nodes) || attempt == 100)
            {
                return nodes;
            }

            await Task.Delay(100);
        }
    }

    private async Task<List<string>> CodesAsync(string key, object? filter, object? order = null) =>
        (await server.PostAsync(List, new { f = filter, o = order is null ? null : new[] { order } }, key)).Data("clients", "nodes")!.AsArray()
        .Select(n => n!["code"]!.GetValue<string>()).ToList();
}
