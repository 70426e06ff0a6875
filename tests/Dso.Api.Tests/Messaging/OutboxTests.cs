using System.Text.Json.Nodes;
using Dso.Api.Tests.Processes;
using Dso.Domain.Messaging;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dso.Api.Tests.Messaging;

/// <summary>The outbox on the test server, turned by the tests at the test clock's time (Monday 30 June 2025, 11:00 in Paris), to a real SMTP server on loopback.</summary>
[Collection(ApiServerGroup.Name)]
public class OutboxTests(ApiServer server)
{
    private const string Settings = "mutation($i: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $i) { organization { settings { sendWindow { days from to } senderName replyTo } } userErrors { field message } } }";

    private const string Messages = "query($c: ID) { messages(clientId: $c) { totalCount nodes { state attempts to subject language error sentAt action { state } } } }";

    [Fact]
    public async Task AnAutomaticEmail_GoesOutOnce_ToItsContact_InTheirLanguage_WithTheStatement()
    {
        using var folder = new TemporaryDatabase();
        using var sink = await SmtpSink.StartAsync(ApiServer.SmtpPort, folder.Folder);
        var (key, client) = await ArrangeAsync("Outbox Once SAS", "lea@outbox-once.example", "en");
        var settings = await server.PostAsync(Settings, new { i = new { senderName = "ACME Recouvrement", replyTo = "recouvrement@acme.example" } }, key);
        Assert.Empty(settings.UserErrors("updateOrganizationSettings"));

        await TurnAsync();
        await TurnAsync();

        var mail = (await sink.WaitForAsync(1)).Single(m => m.To.Mailboxes.Any(a => a.Address == "lea@outbox-once.example"));
        Assert.Single(sink.Messages(), m => m.To.Mailboxes.Any(a => a.Address == "lea@outbox-once.example"));
        Assert.Equal(("ACME Recouvrement", "relances@dso-tests.example"), (mail.From.Mailboxes.Single().Name, mail.From.Mailboxes.Single().Address));
        Assert.Equal("recouvrement@acme.example", mail.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("Outbox Once SAS: 1 invoice(s) to pay", mail.Subject);
        Assert.Contains("F-ONCE-1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("€1,500.00", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(("auto-generated", "en"), (mail.Headers["Auto-Submitted"], mail.Body!.Headers[HeaderId.ContentLanguage]));
        Assert.EndsWith("@dso-tests.example", mail.MessageId, StringComparison.Ordinal);
        var message = (await server.PostAsync(Messages, new { c = client }, key)).Data("messages", "nodes")![0]!;
        Assert.Equal(("SENT", 1, "en", "DONE"), (message["state"]!.GetValue<string>(), message["attempts"]!.GetValue<int>(), message["language"]!.GetValue<string>(), message["action"]!["state"]!.GetValue<string>()));
        Assert.Equal("[\"lea@outbox-once.example\"]", message["to"]!.ToJsonString());
    }

    [Fact]
    public async Task WhileTheSmtpServerIsDown_TheMessageWaits_AndOnceItIsUpItGoesOutOnce()
    {
        using var folder = new TemporaryDatabase();
        var (key, client) = await ArrangeAsync("Outbox Down SAS", "compta@outbox-down.example", "fr");

        await TurnAsync();
        var waiting = (await server.PostAsync(Messages, new { c = client }, key)).Data("messages", "nodes")![0]!;
        using var sink = await SmtpSink.StartAsync(ApiServer.SmtpPort, folder.Folder);
        await TurnAsync();
        var backedOff = (await server.PostAsync(Messages, new { c = client }, key)).Data("messages", "nodes")![0]!;
        server.Clock.Advance(TimeSpan.FromSeconds(31));
        await TurnAsync();

        Assert.Equal(("QUEUED", 1, "PLANNED"), (waiting["state"]!.GetValue<string>(), waiting["attempts"]!.GetValue<int>(), waiting["action"]!["state"]!.GetValue<string>()));
        Assert.Contains("could not be reached", waiting["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("QUEUED", 1), (backedOff["state"]!.GetValue<string>(), backedOff["attempts"]!.GetValue<int>()));
        var sent = (await server.PostAsync(Messages, new { c = client }, key)).Data("messages", "nodes")![0]!;
        Assert.Equal(("SENT", 2), (sent["state"]!.GetValue<string>(), sent["attempts"]!.GetValue<int>()));
        Assert.Single(await sink.WaitForAsync(1), m => m.To.Mailboxes.Any(a => a.Address == "compta@outbox-down.example"));
    }

    [Fact]
    public async Task ARefusedAddress_FailsTheMessageInWords_AndPlansALetterForAPerson()
    {
        using var folder = new TemporaryDatabase();
        using var sink = await SmtpSink.StartAsync(ApiServer.SmtpPort, folder.Folder);
        var (key, client) = await ArrangeAsync("Outbox Refused SAS", "refused@outbox-refused.example", "fr");

        await TurnAsync();

        var message = (await server.PostAsync(Messages, new { c = client }, key)).Data("messages", "nodes")![0]!;
        Assert.Equal(("FAILED", "FAILED"), (message["state"]!.GetValue<string>(), message["action"]!["state"]!.GetValue<string>()));
        Assert.Contains("550", message["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var agenda = (await server.PostAsync("{ agenda { nodes { channel automatic note } } }", key: key)).Data("agenda", "nodes")!.AsArray();
        var letter = agenda.Single(a => a!["channel"]!.GetValue<string>() == "LETTER")!;
        Assert.False(letter["automatic"]!.GetValue<bool>());
        Assert.StartsWith("The automatic email could not be sent: The SMTP server answered 550", letter["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Messages(), m => m.To.Mailboxes.Any(a => a.Address.EndsWith("@outbox-refused.example", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheSendWindow_HoldsMessagesUntilItOpens_AndAWindowThatEndsBeforeItStartsIsRefused()
    {
        using var folder = new TemporaryDatabase();
        using var sink = await SmtpSink.StartAsync(ApiServer.SmtpPort, folder.Folder);
        var (key, client) = await ArrangeAsync("Outbox Window SAS", "compta@outbox-window.example", "fr");

        var backwards = await server.PostAsync(Settings, new { i = new { sendWindow = new { days = new[] { "MONDAY" }, from = "19:00", to = "08:00" } } }, key);
        var sundays = await server.PostAsync(Settings, new { i = new { sendWindow = new { days = new[] { "SUNDAY" }, from = "08:00", to = "19:00" } } }, key);
        await TurnAsync();
        var held = (await server.PostAsync(Messages, new { c = client }, key)).Data("messages", "nodes")![0]!;
        await server.PostAsync(Settings, new { i = new { sendWindow = new { days = new[] { "MONDAY", "TUESDAY" }, from = "10:30", to = "11:30" } } }, key);
        await TurnAsync();

        Assert.Equal("sendWindow", backwards.UserErrors("updateOrganizationSettings").Single()!["field"]!.AsArray()[^1]!.GetValue<string>());
        Assert.Equal("{\"days\":[\"SUNDAY\"],\"from\":\"08:00\",\"to\":\"19:00\"}", sundays.Data("updateOrganizationSettings", "organization", "settings", "sendWindow")!.ToJsonString());
        Assert.Equal(("QUEUED", 0), (held["state"]!.GetValue<string>(), held["attempts"]!.GetValue<int>()));
        Assert.Equal("SENT", (await server.PostAsync(Messages, new { c = client }, key)).Data("messages", "nodes")![0]!["state"]!.GetValue<string>());
        Assert.Single(await sink.WaitForAsync(1), m => m.To.Mailboxes.Any(a => a.Address == "compta@outbox-window.example"));
    }

    private Task<(string Key, string Client)> ArrangeAsync(string name, string email, string language) => Outbox.ArrangeAsync(server, name, email, language);

    private Task TurnAsync() => Outbox.TurnAsync(server);
}
