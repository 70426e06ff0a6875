using System.Net;
using Dso.Api.Webhooks;
using Dso.Domain.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Api.Tests.Webhooks;

/// <summary>Webhooks on a server without Dso:Webhooks:AllowPrivateAddresses: https and public hosts only, administrators only, each organization its own.</summary>
[Collection(ApiServerGroup.Name)]
public class WebhookApiTests(ApiServer server)
{
    private const string Create = "mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id url events } secret userErrors { field message } } }";

    [Fact]
    public async Task PrivateAndPlainHttpUrls_AreRefused_AndOnlyAdministratorsOfTheOrganizationManageWebhooks()
    {
        var key = await server.CreateOrganizationAsync("Webhook Admin SAS");

        var loopback = await server.PostAsync(Create, new { i = new { url = "https://127.0.0.1:8443/hook", events = new[] { "ALERT_RAISED" } } }, key);
        var privateNetwork = await server.PostAsync(Create, new { i = new { url = "https://[fd00::1]/hook", events = new[] { "ALERT_RAISED" } } }, key);
        var plain = await server.PostAsync(Create, new { i = new { url = "http://hooks.example.com/dso", events = new[] { "ALERT_RAISED" } } }, key);
        var noEvents = await server.PostAsync(Create, new { i = new { url = "https://hooks.example.com/dso", events = Array.Empty<string>() } }, key);
        var created = await server.PostAsync(Create, new { i = new { url = "https://hooks.example.com/dso", events = new[] { "SYNC_RUN_FINISHED", "PIECE_UPDATED" } } }, key);
        var id = created.Data("createWebhook", "webhook", "id")!.GetValue<string>();
        var collector = await server.CreateKeyAsync(key, Dso.Domain.Users.Role.Collector);
        var asCollector = await server.PostAsync("{ webhooks { id } }", key: collector);
        var createdByCollector = await server.PostAsync(Create, new { i = new { url = "https://hooks.example.com/x", events = new[] { "ALERT_RAISED" } } }, collector);
        var other = await server.CreateOrganizationAsync("Webhook Other SAS");
        var deletedElsewhere = await server.PostAsync("mutation($id: ID!) { deleteWebhook(id: $id) { webhook { id } userErrors { code } } }", new { id }, other);
        var paused = await server.PostAsync("mutation($id: ID!) { enableWebhook(id: $id, enabled: false) { webhook { enabled } } }", new { id }, key);
        var listed = await server.PostAsync("{ webhooks { url events enabled } }", key: key);
        var deleted = await server.PostAsync("mutation($id: ID!) { deleteWebhook(id: $id) { webhook { url } } }", new { id }, key);
        var after = await server.PostAsync("{ webhooks { id } }", key: key);

        Assert.Equal(("url", "url must be a public address (not loopback or private)."), Error(loopback));
        Assert.Equal(("url", "url must be a public address (not loopback or private)."), Error(privateNetwork));
        Assert.Equal(("url", "url must use https."), Error(plain));
        Assert.Equal(("events", "events needs at least one event."), Error(noEvents));
        Assert.Equal("[\"SYNC_RUN_FINISHED\",\"PIECE_UPDATED\"]", created.Data("createWebhook", "webhook", "events")!.ToJsonString());
        Assert.True(asCollector.Forbidden, asCollector.Body);
        Assert.True(createdByCollector.Forbidden, createdByCollector.Body);
        Assert.Equal("NOT_FOUND", deletedElsewhere.UserErrors("deleteWebhook")[0]!["code"]!.GetValue<string>());
        Assert.False(paused.Data("enableWebhook", "webhook", "enabled")!.GetValue<bool>());
        Assert.Equal("[{\"url\":\"https://hooks.example.com/dso\",\"events\":[\"SYNC_RUN_FINISHED\",\"PIECE_UPDATED\"],\"enabled\":false}]", listed.Data("webhooks")!.ToJsonString());
        Assert.Equal("https://hooks.example.com/dso", deleted.Data("deleteWebhook", "webhook", "url")!.GetValue<string>());
        Assert.Empty(after.Data("webhooks")!.AsArray());
        Assert.Null(created.Data("createWebhook", "webhook", "secret"));
    }

    [Fact]
    public async Task AHostThatResolvesToAPrivateAddress_IsRefusedAtDelivery_WithoutAConnection()
    {
        await using var receiver = await WebhookReceiver.StartAsync("200");
        var options = Microsoft.Extensions.Options.Options.Create(new WebhookOptions());
        var secrets = new WebhookSecrets(server.Services.GetRequiredService<IDataProtectionProvider>());
        using var sender = new WebhookSender(options, secrets, server.Clock, (_, _) => Task.FromResult(new[] { IPAddress.Loopback }));
        var webhook = new Webhook(1, $"https://hooks.example.com:{receiver.Port}/hook", [WebhookEvent.AlertRaised], secrets.Seal(WebhookSignature.NewSecret()), server.Clock.GetUtcNow());

        var attempt = await sender.SendAsync(webhook, new WebhookDelivery(1, 1, WebhookEvent.AlertRaised, 1, "{}", server.Clock.GetUtcNow()), default);

        Assert.Null(attempt.Status);
        Assert.Equal("hooks.example.com resolves to no public address (127.0.0.1): refused.", attempt.Error);
        await Task.Delay(200);
        Assert.Empty(receiver.Pending());
    }

    private static (string Field, string Message) Error(GraphQLAnswer answer)
    {
        var error = answer.UserErrors("createWebhook").Single()!;
        return (error["field"]!.AsArray()[^1]!.GetValue<string>(), error["message"]!.GetValue<string>());
    }
}
