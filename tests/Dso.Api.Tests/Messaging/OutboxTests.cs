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

    // An organization with one client whose invoice, due five days ago, makes today's automatic reminder; returns its key and the client's id.
    private async Task<(string Key, string Client)> ArrangeAsync(string name, string email, string language)
    {
        var key = await server.CreateOrganizationAsync(name);
        var template = (await server.PostAsync("""
            mutation {
              createTemplate(input: { name: "Relance", channel: EMAIL, translations: [
                { language: "fr", subject: "{{organization.name}} : {{totals.count}} facture(s) à régler", body: "<p>Bonjour {{contact.name}},</p><ul>{{#each pieces}}<li>{{number}} : {{openAmount}}</li>{{/each}}</ul>" },
                { language: "en", subject: "{{organization.name}}: {{totals.count}} invoice(s) to pay", body: "<p>Dear {{contact.name}},</p><ul>{{#each pieces}}<li>{{number}}: {{openAmount}}</li>{{/each}}</ul>" }] }) {
                template { id } userErrors { message }
              }
            }
            """, key: key)).Data("createTemplate", "template", "id")!.GetValue<string>();
        await server.PostAsync("mutation($t: ID!) { createScenario(input: { name: \"Standard\", isDefault: true, steps: [{ offsetDays: 5, channel: EMAIL, templateId: $t, autoSend: true }] }) { userErrors { message } } }", new { t = template }, key);
        var number = $"F-{name.Split(' ')[1].ToUpperInvariant()}-1";
        var client = (await server.PostAsync(
            "mutation($e: String!, $l: String!) { upsertClients(input: { clients: [{ code: \"C1\", name: \"Client SAS\", contacts: [{ name: \"Léa\", email: $e, language: $l, isCollectionContact: true }] }] }) { clients { id } userErrors { message } } }",
            new { e = email, l = language }, key)).Data("upsertClients", "clients")![0]!["id"]!.GetValue<string>();
        await server.PostAsync($"mutation {{ upsertPieces(input: {{ pieces: [{{ type: INVOICE, number: \"{number}\", clientCode: \"C1\", issueDate: \"2025-05-25\", dueDate: \"2025-06-25\", amount: \"1500\", openAmount: \"1500\" }}] }}) {{ userErrors {{ message }} }} }}", key: key);
        var actions = (await server.PostAsync("mutation { runScenarios(input: {}) { actions { automatic dueDate } } }", key: key)).Data("runScenarios", "actions")!.AsArray();
        Assert.Equal("[{\"automatic\":true,\"dueDate\":\"2025-06-30\"}]", actions.ToJsonString());
        return (key, client);
    }

    private async Task TurnAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RunOutbox>().ExecuteAsync(CancellationToken.None);
    }
}
