using System.Text.Json.Nodes;

namespace Dso.Api.Tests.Webhooks;

/// <summary>A server of its own that allows webhooks to loopback (Dso:Webhooks:AllowPrivateAddresses), with a clock these tests move.</summary>
public sealed class WebhookServer : IAsyncLifetime
{
    public ApiServer Api { get; } = new(["--Dso:Webhooks:AllowPrivateAddresses", "true"]);

    public Task InitializeAsync() => Api.InitializeAsync();

    public Task DisposeAsync() => Api.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class WebhookServerGroup : ICollectionFixture<WebhookServer>
{
    public const string Name = "webhooks";
}

/// <summary>Deliveries to a receiver on loopback that checks signatures with the specification's own library: retries, the same webhook-id, redirects, disabling.</summary>
[Collection(WebhookServerGroup.Name)]
public class WebhookDeliveryTests(WebhookServer fixture)
{
    private const string Create = "mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id url events enabled } secret userErrors { field message } } }";

    private const string Deliveries = "{ webhooks { id enabled deliveries { totalCount nodes { event state attempts responseStatus error messageId } } } }";

    private ApiServer Server => fixture.Api;

    [Fact]
    public async Task AnAlert_IsDeliveredSigned_AndAFailedAttemptIsRetriedWithTheSameId()
    {
        var key = await Server.CreateOrganizationAsync("Webhook Delivery SAS");
        await using var receiver = await WebhookReceiver.StartAsync("500,200");
        var created = await Server.PostAsync(Create, new { i = new { url = receiver.Url, events = new[] { "ALERT_RAISED" } } }, key);
        var secret = created.Data("createWebhook", "secret")!.GetValue<string>();
        await receiver.UseSecretAsync(secret);

        await OverCreditLimitAsync(key);
        var first = await receiver.NextAsync();
        await WebhookAsync(key, w => w["deliveries"]!["nodes"]![0]!["attempts"]!.GetValue<int>() == 1);
        Server.Clock.Advance(TimeSpan.FromSeconds(6));
        var second = await receiver.NextAsync();
        var listed = await DeliveredAsync(key);

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.Equal("{\"url\":\"" + receiver.Url + "\",\"events\":[\"ALERT_RAISED\"],\"enabled\":true}",
            created.Data("createWebhook", "webhook")!.ToJsonString().Replace($"\"id\":\"{created.Data("createWebhook", "webhook", "id")}\",", "", StringComparison.Ordinal));
        Assert.Equal((true, true, 500, 200), (first["verified"]!.GetValue<bool>(), second["verified"]!.GetValue<bool>(), first["status"]!.GetValue<int>(), second["status"]!.GetValue<int>()));
        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal(Server.Clock.GetUtcNow().ToUnixTimeSeconds(), second["timestamp"]!.GetValue<long>());
        var body = second["body"]!;
        Assert.Equal(("alert.raised", "OVER_CREDIT_LIMIT", "A"), (body["type"]!.GetValue<string>(), body["data"]!["kind"]!.GetValue<string>(), body["data"]!["client"]!["code"]!.GetValue<string>()));
        Assert.Equal("{\"event\":\"ALERT_RAISED\",\"state\":\"DELIVERED\",\"attempts\":2,\"responseStatus\":200,\"error\":null,\"messageId\":\"" + first["id"]!.GetValue<string>() + "\"}",
            listed["deliveries"]!["nodes"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task ARedirect_IsNotFollowed_AndAWebhookFailingForADay_IsDisabled_WithAnAlert()
    {
        var key = await Server.CreateOrganizationAsync("Webhook Failing SAS");
        await using var receiver = await WebhookReceiver.StartAsync("302,500");
        var created = await Server.PostAsync(Create, new { i = new { url = receiver.Url, events = new[] { "ALERT_RAISED" } } }, key);
        await receiver.UseSecretAsync(created.Data("createWebhook", "secret")!.GetValue<string>());

        await OverCreditLimitAsync(key);
        var redirected = await receiver.NextAsync();
        var afterRedirect = await WebhookAsync(key, w => w["deliveries"]!["nodes"]![0]!["attempts"]!.GetValue<int>() == 1);
        Server.Clock.Advance(TimeSpan.FromHours(25));
        var failed = await receiver.NextAsync();
        var disabled = await WebhookAsync(key, w => !w["enabled"]!.GetValue<bool>());
        var alerts = (await Server.PostAsync("{ alerts { nodes { kind message } } }", key: key)).Data("alerts", "nodes")!.AsArray();

        Assert.Equal(302, redirected["status"]!.GetValue<int>());
        Assert.DoesNotContain(receiver.Pending(), line => line["followed"] is not null);
        Assert.Equal("The receiver answered HTTP 302 (redirects are not followed).", afterRedirect["deliveries"]!["nodes"]![0]!["error"]!.GetValue<string>());
        Assert.Equal(500, failed["status"]!.GetValue<int>());
        Assert.Equal(("FAILED", 2), (disabled["deliveries"]!["nodes"]![0]!["state"]!.GetValue<string>(), disabled["deliveries"]!["nodes"]![0]!["attempts"]!.GetValue<int>()));
        var alert = Assert.Single(alerts, a => a!["kind"]!.GetValue<string>() == "WEBHOOK_DISABLED")!;
        Assert.Equal($"The webhook {receiver.Url} was disabled: its deliveries failed for a day (last answer: HTTP 500). Enable it again once the receiver works.", alert["message"]!.GetValue<string>());
    }

    private async Task OverCreditLimitAsync(string key)
    {
        await Server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha\", creditLimit: \"100\" }] }) { userErrors { message } } }", key: key);
        await Server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"A\", issueDate: \"2025-06-01\", dueDate: \"2025-07-31\", amount: \"500\", openAmount: \"500\" }] }) { userErrors { message } } }", key: key);
    }

    private Task<JsonNode> DeliveredAsync(string key) => WebhookAsync(key, w => w["deliveries"]!["nodes"]![0]!["state"]!.GetValue<string>() == "DELIVERED");

    // The organization's one webhook once it is as expected (the worker records an answer just after the receiver has it).
    private async Task<JsonNode> WebhookAsync(string key, Func<JsonNode, bool> expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var webhook = (await Server.PostAsync(Deliveries, key: key)).Data("webhooks")![0]!;
            if ((webhook["deliveries"]!["totalCount"]!.GetValue<int>() > 0 && expected(webhook)) || attempt == 200)
            {
                return webhook;
            }

            await Task.Delay(50);
        }
    }
}
