using System.Text.Json.Nodes;
using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Webhooks;

/// <summary>The webhook worker of a real API process, killed with SIGKILL while a receiver holds its delivery.</summary>
public class WebhookProcessTests
{
    [Fact]
    public async Task AProcessKilledMidDelivery_HasTheDeliveryMadeByTheNextProcess_WithTheSameWebhookId()
    {
        using var folder = new TemporaryDatabase();
        string[] settings = ["--Dso:Webhooks:AllowPrivateAddresses", "true", "--Dso:Work:LeaseDuration", "00:00:02"];
        // The first request is held unanswered; the next are answered 200.
        await using var receiver = await WebhookReceiver.StartAsync("0,200");
        JsonObject held;
        using (var first = await ApiProcess.StartAsync(folder.Path, settings))
        {
            var created = await first.DataAsync("mutation($u: String!) { createWebhook(input: { url: $u, events: [PIECE_UPDATED] }) { secret userErrors { message } } }", new { u = receiver.Url });
            await receiver.UseSecretAsync(created["createWebhook"]!["secret"]!.GetValue<string>());
            await first.DataAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha SAS\" }] }) { userErrors { message } } }");
            await first.DataAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"A\", issueDate: \"2025-06-01\", dueDate: \"2025-07-31\", amount: \"500\", openAmount: \"500\" }] }) { userErrors { message } } }");
            held = await receiver.NextAsync(TimeSpan.FromSeconds(60));
            first.Process.Kill();
        }

        using var second = await ApiProcess.StartAsync(folder.Path, settings);
        var again = await receiver.NextAsync(TimeSpan.FromSeconds(60));
        JsonNode? delivery = null;
        for (var attempt = 0; attempt < 100 && delivery?["state"]?.GetValue<string>() != "DELIVERED"; attempt++)
        {
            await Task.Delay(100);
            delivery = (await second.DataAsync("{ webhooks { deliveries { totalCount nodes { state attempts responseStatus messageId } } } }"))["webhooks"]![0]!["deliveries"]!;
            Assert.Equal(1, delivery["totalCount"]!.GetValue<int>());
            delivery = delivery["nodes"]![0];
        }

        Assert.Equal((0, 200), (held["status"]!.GetValue<int>(), again["status"]!.GetValue<int>()));
        Assert.True(held["verified"]!.GetValue<bool>() && again["verified"]!.GetValue<bool>());
        Assert.Equal(held["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
        Assert.Equal("piece.updated", again["body"]!["type"]!.GetValue<string>());
        Assert.Equal("{\"state\":\"DELIVERED\",\"attempts\":1,\"responseStatus\":200,\"messageId\":\"" + held["id"]!.GetValue<string>() + "\"}", delivery!.ToJsonString());
        Assert.Empty(receiver.Pending());
    }
}
