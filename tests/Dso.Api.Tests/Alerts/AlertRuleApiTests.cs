using Dso.Api.Jobs;
using Dso.Domain.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Api.Tests.Alerts;

/// <summary>The alert rules of an organization: listed one per kind, set by administrators, and a rule turned off raises nothing.</summary>
[Collection(ApiServerGroup.Name)]
public class AlertRuleApiTests(ApiServer server)
{
    private const string Rules = "{ alertRules { id kind enabled thresholdAmount { amount currency } days } }";

    private const string Update = "mutation($i: UpdateAlertRuleInput!) { updateAlertRule(input: $i) { alertRule { kind enabled thresholdAmount { amount } days } userErrors { field code message } } }";

    [Fact]
    public async Task EveryKind_HasARule_AnAdministratorSetsItsThresholds_AndAnythingElseIsRefused()
    {
        var key = await server.CreateOrganizationAsync("Alert Rules SAS");

        var rules = (await server.PostAsync(Rules, key: key)).Data("alertRules")!.AsArray();
        var id = rules.ToDictionary(r => r!["kind"]!.GetValue<string>(), r => r!["id"]!.GetValue<string>());
        var notDunned = await server.PostAsync(Update, new { i = new { id = id["NOT_DUNNED"], thresholdAmount = "500", days = 30 } }, key);
        var badDays = await server.PostAsync(Update, new { i = new { id = id["NOT_DUNNED"], days = 0 } }, key);
        var noThreshold = await server.PostAsync(Update, new { i = new { id = id["BROKEN_PROMISE"], thresholdAmount = "10" } }, key);
        var collector = await server.PostAsync(Update, new { i = new { id = id["NEW_DISPUTE"], enabled = false } }, await server.CreateKeyAsync(key, Role.Collector));
        var elsewhere = await server.PostAsync(Update, new { i = new { id = id["NEW_DISPUTE"], enabled = false } }, await server.CreateOrganizationAsync("Alert Rules Intruder SAS"));

        Assert.Equal(["BROKEN_PROMISE", "NOT_DUNNED", "OVER_CREDIT_LIMIT", "RISK_DEGRADED", "NEW_DISPUTE", "SYNC_FAILED", "CREDIT_REVIEW_DUE", "WEBHOOK_DISABLED"], id.Keys);
        Assert.All(rules, r => Assert.True(r!["enabled"]!.GetValue<bool>()));
        Assert.Equal("{\"kind\":\"NOT_DUNNED\",\"enabled\":true,\"thresholdAmount\":{\"amount\":\"0.00\",\"currency\":\"EUR\"},\"days\":15}", rules[1]!.ToJsonString().Replace($"\"id\":\"{id["NOT_DUNNED"]}\",", "", StringComparison.Ordinal));
        Assert.Equal("{\"kind\":\"NOT_DUNNED\",\"enabled\":true,\"thresholdAmount\":{\"amount\":\"500.00\"},\"days\":30}", notDunned.Data("updateAlertRule", "alertRule")!.ToJsonString());
        Assert.Equal(("days", "days is from 1 to 365."), Error(badDays));
        Assert.Equal(("thresholdAmount", "A BROKEN_PROMISE rule has no threshold amount."), Error(noThreshold));
        Assert.True(collector.Forbidden, collector.Body);
        Assert.Equal("NOT_FOUND", elsewhere.UserErrors("updateAlertRule").Single()!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARuleTurnedOff_RaisesNothing_AndAnAcknowledgedAlertSaysWhoAndWhen()
    {
        var key = await server.CreateOrganizationAsync("Alert Off SAS");
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha\" }, { code: \"B\", name: \"Beta\" }] }) { userErrors { message } } }", key: key);
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [" +
            "{ type: INVOICE, number: \"F1\", clientCode: \"A\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"100\", openAmount: \"100\", balanceDate: \"2025-05-01\", promiseDate: \"2025-06-20\" }," +
            "{ type: INVOICE, number: \"F2\", clientCode: \"B\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"100\", openAmount: \"100\", balanceDate: \"2025-05-01\", promiseDate: \"2025-06-20\" }] }) { userErrors { message } } }", key: key);
        var rule = (await server.PostAsync(Rules, key: key)).Data("alertRules")!.AsArray().Single(r => r!["kind"]!.GetValue<string>() == "BROKEN_PROMISE")!["id"]!.GetValue<string>();

        await server.PostAsync(Update, new { i = new { id = rule, enabled = false } }, key);
        await server.Services.GetRequiredService<ScenarioMorningJob>().Invoke();
        var off = await server.PostAsync("{ alerts { nodes { kind } } }", key: key);
        await server.PostAsync(Update, new { i = new { id = rule, enabled = true } }, key);
        await RaiseBrokenPromisesAsync(key);
        var alert = (await server.PostAsync("{ alerts { nodes { id kind } } }", key: key)).Data("alerts", "nodes")!.AsArray()
            .First(a => a!["kind"]!.GetValue<string>() == "BROKEN_PROMISE")!["id"]!.GetValue<string>();
        var acknowledged = await server.PostAsync("mutation($a: ID!) { acknowledgeAlert(input: { alertId: $a }) { alert { acknowledgedAt acknowledgedBy { email } resolvedAt } } }", new { a = alert }, key);

        // The invoices, 30 days overdue and never dunned, make NOT_DUNNED alerts: the promise rule, off, made none.
        Assert.DoesNotContain(off.Data("alerts", "nodes")!.AsArray(), a => a!["kind"]!.GetValue<string>() == "BROKEN_PROMISE");
        Assert.Contains(off.Data("alerts", "nodes")!.AsArray(), a => a!["kind"]!.GetValue<string>() == "NOT_DUNNED");
        var done = acknowledged.Data("acknowledgeAlert", "alert")!;
        Assert.Equal(server.Clock.GetUtcNow(), DateTimeOffset.Parse(done["acknowledgedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(done["acknowledgedBy"]);
        Assert.Null(done["resolvedAt"]);
    }

    private async Task RaiseBrokenPromisesAsync(string key)
    {
        var organization = Dso.Api.GraphQL.Common.GlobalId.DecodeAs("Organization", (await server.PostAsync("{ organization { id } }", key: key)).Data("organization", "id")!.GetValue<string>())!.Value;
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Dso.Domain.Common.Tenant>().Enter(organization);
        await scope.ServiceProvider.GetRequiredService<Dso.Domain.Alerts.RaiseBrokenPromises>().ExecuteAsync(null, default);
    }

    private static (string Field, string Message) Error(GraphQLAnswer answer)
    {
        var error = answer.UserErrors("updateAlertRule").Single()!;
        return (error["field"]!.AsArray()[^1]!.GetValue<string>(), error["message"]!.GetValue<string>());
    }
}
