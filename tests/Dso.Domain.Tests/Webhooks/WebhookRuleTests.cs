using System.Net;
using Dso.Domain.Webhooks;

namespace Dso.Domain.Tests.Webhooks;

/// <summary>Where webhooks may point, how their deliveries are retried, and when a failing one is disabled.</summary>
public class WebhookRuleTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 30, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2a00:1450:4007:80e::200e", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("::ffff:192.168.0.1", false)]
    public void OnlyPublicAddresses_ArePublic(string address, bool expected) => Assert.Equal(expected, WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://hooks.example.com/dso", false, null)]
    [InlineData("http://hooks.example.com/dso", false, "url must use https.")]
    [InlineData("http://127.0.0.1:9000/dso", true, null)]
    [InlineData("https://localhost/dso", false, "url must be a public address (not loopback or private).")]
    [InlineData("https://[::1]/dso", false, "url must be a public address (not loopback or private).")]
    [InlineData("https://user:pass@hooks.example.com/dso", false, "url may not hold a user name or password.")]
    [InlineData("ftp://hooks.example.com/dso", false, "url must be an absolute https URL.")]
    [InlineData("/dso", false, "url must be an absolute https URL.")]
    public void AUrl_IsHttpsToAPublicHost_UnlessPrivateAddressesAreAllowed(string url, bool allowPrivate, string? problem) =>
        Assert.Equal(problem, WebhookAddresses.Problem(url, allowPrivate));

    [Fact]
    public void AFailingDelivery_IsRetriedOnTheSchedule_ThenFails_AndA2xxDeliversIt()
    {
        var delivery = new WebhookDelivery(1, 1, WebhookEvent.AlertRaised, 1, "{}", Now);
        var next = new List<TimeSpan>();
        for (var attempt = 0; attempt <= WebhookDelivery.Schedule.Length; attempt++)
        {
            var at = Now.AddDays(attempt);
            delivery.Attempted(503, "HTTP 503", at);
            next.Add(delivery.NextAttemptAt - at);
        }

        var delivered = new WebhookDelivery(1, 1, WebhookEvent.AlertRaised, 1, "{}", Now);
        delivered.Attempted(null, "No answer within 10 s.", Now);
        delivered.Attempted(204, null, Now.AddSeconds(5));

        Assert.Equal(WebhookDelivery.Schedule, next.Take(WebhookDelivery.Schedule.Length));
        Assert.Equal((WebhookDeliveryState.Failed, 8), (delivery.State, delivery.Attempts));
        Assert.Equal((WebhookDeliveryState.Delivered, 2, (int?)204, (string?)null), (delivered.State, delivered.Attempts, delivered.ResponseStatus, delivered.Error));
        Assert.StartsWith("msg_", delivered.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void AWebhook_IsDisabledOnceItsDeliveriesHaveFailedForADay_AndASuccessStartsTheDayOver()
    {
        var webhook = new Webhook(1, "https://hooks.example.com/dso", [WebhookEvent.AlertRaised, WebhookEvent.PieceUpdated], "sealed", Now);

        var early = webhook.Failed(Now);
        webhook.Succeeded();
        var afterSuccess = webhook.Failed(Now.AddHours(20));
        var almost = webhook.Failed(Now.AddHours(43));
        var day = webhook.Failed(Now.AddHours(44));

        Assert.Equal((false, false, false, true), (early, afterSuccess, almost, day));
        Assert.False(webhook.Enabled);
        Assert.Equal([WebhookEvent.AlertRaised, WebhookEvent.PieceUpdated], webhook.Events);
    }
}
