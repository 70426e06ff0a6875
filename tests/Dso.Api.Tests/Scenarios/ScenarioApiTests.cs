using Dso.Api.Jobs;
using Dso.Domain.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Api.Tests.Scenarios;

[Collection(ApiServerGroup.Name)]
public class ScenarioApiTests(ApiServer server)
{
    private const string Run = "mutation($d: Date) { runScenarios(input: { date: $d }) { actions { kind channel dueDate stepOffset automatic client { code } pieces { number } leaderPiece { number } scenario { name } } userErrors { field code } } }";

    [Fact]
    public async Task AStepsMinimumOverdueAmount_IsMoneyInTheMainCurrency()
    {
        var key = await server.CreateOrganizationAsync("Minimum SAS");

        var created = await server.PostAsync("mutation { createScenario(input: { name: \"Big debts\", steps: [{ offsetDays: 10, channel: CALL, minOverdueAmount: \"1500.5\" }, { offsetDays: 20, channel: LETTER }] }) { scenario { steps { minOverdueAmount { amount currency } } } } }", key: key);

        Assert.Equal("""[{"minOverdueAmount":{"amount":"1500.50","currency":"EUR"}},{"minOverdueAmount":null}]""", created.Data("createScenario", "scenario", "steps")!.ToJsonString());
    }

    [Fact]
    public async Task ThePreviewAndTheRun_PlanTheSameAction_AndASecondRunCreatesNothing()
    {
        var key = await SetUpAsync("Scenario Run SAS");

        var preview = await server.PostAsync("{ scenarioPreview(date: \"2025-06-10\") { channel dueDate pieces { number } } }", key: key);
        var run = await server.PostAsync(Run, new { d = "2025-06-10" }, key);
        var again = await server.PostAsync(Run, new { d = "2025-06-10" }, key);
        var viewer = await server.PostAsync(Run, new { d = "2025-06-10" }, await server.CreateKeyAsync(key, Role.Viewer));
        var future = await server.PostAsync(Run, new { d = "2025-07-01" }, key);

        Assert.Equal("[{\"channel\":\"EMAIL\",\"dueDate\":\"2025-06-06\",\"pieces\":[{\"number\":\"F1\"}]}]", preview.Data("scenarioPreview")!.ToJsonString());
        Assert.Equal("[{\"kind\":\"SCENARIO\",\"channel\":\"EMAIL\",\"dueDate\":\"2025-06-06\",\"stepOffset\":5,\"automatic\":false,\"client\":{\"code\":\"ALPHA\"},\"pieces\":[{\"number\":\"F1\"}],\"leaderPiece\":{\"number\":\"F1\"},\"scenario\":{\"name\":\"Standard\"}}]",
            run.Data("runScenarios", "actions")!.ToJsonString());
        Assert.Empty(again.Data("runScenarios", "actions")!.AsArray());
        Assert.True(viewer.Forbidden, viewer.Body);
        Assert.Equal("[{\"field\":[\"input\",\"date\"],\"code\":\"INVALID\"}]", future.UserErrors("runScenarios").ToJsonString());
    }

    [Fact]
    public async Task TheMorningJob_RunsEachOrganizationOnceADay_AfterSixInItsTimeZone()
    {
        var key = await SetUpAsync("Scenario Morning SAS");
        var job = server.Services.GetRequiredService<ScenarioMorningJob>();

        await job.Invoke();
        await job.Invoke();

        // 09:00 UTC is 11:00 in Paris: today's run (2025-06-30) catches up to the +15 step, dated 06-16, once.
        var agenda = await server.PostAsync("{ agenda(first: 10) { nodes { kind dueDate stepOffset } } }", key: key);
        Assert.Equal("[{\"kind\":\"SCENARIO\",\"dueDate\":\"2025-06-16\",\"stepOffset\":15}]", agenda.Data("agenda", "nodes")!.ToJsonString());
    }

    [Fact]
    public async Task AssignScenario_MovesClientsToAnotherScenario()
    {
        var key = await SetUpAsync("Scenario Assign SAS");
        var scenario = (await server.PostAsync("mutation { createScenario(input: { name: \"Gentle\", steps: [{ offsetDays: 20, channel: LETTER }] }) { scenario { id } } }", key: key))
            .Data("createScenario", "scenario", "id")!.GetValue<string>();
        var client = (await server.PostAsync("{ clients { nodes { id } } }", key: key)).Data("clients", "nodes")![0]!["id"]!.GetValue<string>();

        var assigned = await server.PostAsync("mutation($c: [ID!]!, $s: ID!) { assignScenario(input: { clientIds: $c, scenarioId: $s }) { clients { scenario { name } } userErrors { field } } }",
            new { c = new[] { client }, s = scenario }, key);
        var run = await server.PostAsync(Run, new { d = "2025-06-25" }, key);

        Assert.Equal("[{\"scenario\":{\"name\":\"Gentle\"}}]", assigned.Data("assignScenario", "clients")!.ToJsonString());
        Assert.Equal("LETTER:2025-06-21", string.Join(',', run.Data("runScenarios", "actions")!.AsArray().Select(a => $"{a!["channel"]}:{a["dueDate"]}")));
    }

    private async Task<string> SetUpAsync(string organization)
    {
        var key = await server.CreateOrganizationAsync(organization);
        await server.PostAsync("""
            mutation {
              createScenario(input: { name: "Standard", isDefault: true, steps: [
                { offsetDays: -5, channel: EMAIL }, { offsetDays: 5, channel: EMAIL }, { offsetDays: 15, channel: EMAIL },
                { offsetDays: 30, channel: CALL }, { offsetDays: 45, channel: LETTER }] }) { userErrors { message } }
              upsertClients(input: { clients: [{ code: "ALPHA", name: "Alpha SAS" }] }) { userErrors { message } }
            }
            """, key: key);
        await server.PostAsync("""
            mutation {
              upsertPieces(input: { pieces: [
                { type: INVOICE, number: "F1", clientCode: "ALPHA", issueDate: "2025-05-01", dueDate: "2025-06-01", amount: "1000", openAmount: "1000", balanceDate: "2025-05-01" },
                { type: INVOICE, number: "F2", clientCode: "ALPHA", issueDate: "2025-05-20", dueDate: "2025-06-20", amount: "500", openAmount: "500", balanceDate: "2025-05-20" }] }) { userErrors { message } }
            }
            """, key: key);
        return key;
    }
}
