using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Dso.Api.Messaging;
using Dso.Api.Tests.Processes;
using Dso.Domain.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dso.Api.Tests.Messaging;

/// <summary>SMS to a fake gateway in both formats, letters rendered as PDF and read back with poppler's pdftotext, and sendAction.</summary>
[Collection(ApiServerGroup.Name)]
public partial class ChannelTests(ApiServer server)
{
    private static readonly object Address = new { line1 = "12 rue des Lilas", line2 = "Bâtiment B", postalCode = "69003", city = "Lyon" };

    [Fact]
    public async Task AnAutomaticSms_GoesToTheGateway_InE164_WithThePortalLink_AndARefusedNumberBecomesACall()
    {
        await using var gateway = await SmsGateway.StartAsync(ApiServer.SmsPort);
        var (key, client) = await Outbox.ArrangeAsync(server, "Sms Json SAS", null!, "fr", "SMS", phone: "06 12 34 56 78");
        var (refusedKey, refusedClient) = await Outbox.ArrangeAsync(server, "Sms Refused SAS", null!, "fr", "SMS", phone: "+33 6 00 00 00 00");
        var (invalidKey, invalidClient) = await Outbox.ArrangeAsync(server, "Sms Invalid SAS", null!, "fr", "SMS", phone: "12");

        await Outbox.TurnAsync(server);

        var sent = (await Outbox.MessagesAsync(server, key, client)).Single()!;
        Assert.Equal(("SENT", "+33612345678"), (sent["state"]!.GetValue<string>(), Lines(sent["to"]!)));
        var request = gateway.Received.Single(r => JsonNode.Parse(r.Body)!["to"]!.GetValue<string>() == "+33612345678");
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(("/sms", "Bearer sms-test-key", "DSO"), (request.Path, request.Authorization, body["from"]!.GetValue<string>()));
        Assert.Matches(@"^Sms Json SAS : 1 500,00 € à régler\. http://127\.0\.0\.1:\d+/portal/\S+$", Spaced(body["text"]!.GetValue<string>()));
        var refused = (await Outbox.MessagesAsync(server, refusedKey, refusedClient)).Single()!;
        Assert.Equal("FAILED", refused["state"]!.GetValue<string>());
        Assert.StartsWith("The SMS gateway answered 400", refused["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var call = (await server.PostAsync("{ agenda { nodes { channel note } } }", key: refusedKey)).Data("agenda", "nodes")!.AsArray().Single(a => a!["channel"]!.GetValue<string>() == "CALL")!;
        Assert.StartsWith("The automatic sms could not be sent: The SMS gateway answered 400", call["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, gateway.Received.Count);
        var invalid = (await Outbox.MessagesAsync(server, invalidKey, invalidClient)).Single()!;
        Assert.Equal(("FAILED", "The phone number '12' is not a number an SMS can be sent to."), (invalid["state"]!.GetValue<string>(), invalid["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheReadmesTwilioSettings_MakeAFormPost_WithBasicAuthentication_ToTheAccountsMessagesResource()
    {
        var port = ApiProcess.FreePort();
        await using var gateway = await SmsGateway.StartAsync(port);
        // The README's Twilio settings, pointed at the fake gateway.
        var readme = ReadmeSms().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"))).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var options = Options.Create(new SmsOptions
        {
            Provider = Enum.Parse<SmsProvider>(readme["Provider"]), Url = $"http://127.0.0.1:{port}", AccountSid = readme["AccountSid"], AuthToken = readme["AuthToken"], From = readme["From"],
        });
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var channel = new SmsChannel(options, services.GetRequiredService<IHttpClientFactory>());

        await using (var session = await channel.OpenAsync(default))
        {
            await session.SendAsync(new OutgoingMessage("k1", ["+33612345678"], null, "Bonjour é", "fr", "ACME", null), default);
            var refused = await Assert.ThrowsAsync<MessageSendException>(() => session.SendAsync(new OutgoingMessage("k2", ["+33600000000"], null, "x", "fr", "ACME", null), default));
            Assert.True(refused.Permanent);
        }

        var request = gateway.Received.First();
        Assert.Equal("/2010-04-01/Accounts/AC0123456789abcdef/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String("AC0123456789abcdef:change-me"u8.ToArray()), request.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("To=%2B33612345678&From=%2B33756781234&Body=Bonjour+%C3%A9", request.Body);
    }

    [Fact]
    public async Task AnAutomaticFormalNotice_IsRenderedAsAPdf_WithTheAddressThePiecesAndTheL441_10Lines_DownloadableThroughItsSignedLink()
    {
        var (key, client) = await Outbox.ArrangeAsync(server, "Letter Notice SAS", "compta@letter.example", "fr", "LETTER", invoices: 2, address: Address, offsetDays: 45);

        await Outbox.TurnAsync(server);

        var letter = (await Outbox.MessagesAsync(server, key, client)).Single()!;
        Assert.Equal(("SENT", "Client SAS|12 rue des Lilas|Bâtiment B|69003 LYON"), (letter["state"]!.GetValue<string>(), Lines(letter["to"]!)));
        using var pdf = await server.Http.GetAsync(letter["documentUrl"]!.GetValue<string>());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var folder = new TemporaryDatabase();
        var file = Path.Combine(folder.Folder, "letter.pdf");
        await File.WriteAllBytesAsync(file, await pdf.Content.ReadAsByteArrayAsync());
        var text = Spaced(await PdfTextAsync(file));
        foreach (var expected in new[] { "Letter Notice SAS", "Client SAS", "12 rue des Lilas", "69003 LYON", "Objet : Mise en demeure de payer", "F-NOTICE-1", "F-NOTICE-2",
                     "1 500,00 €", "800,00 €", "Total restant dû : 2 300,00 €", "article L441-10",
                     // 45 days at 13.15 % (ECB + 10 points, first half of 2025): 1 500 × 13.15 % × 45 / 365 and 800 × 13.15 % × 45 / 365.
                     "F-NOTICE-1 : 45 jours de retard, pénalités 24,32 €, indemnité forfaitaire 40,00 €", "F-NOTICE-2 : 45 jours de retard, pénalités 12,97 €, indemnité forfaitaire 40,00 €", "Réf. client C1" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var forged = await server.Http.GetAsync(letter["documentUrl"]!.GetValue<string>()[..^3] + "AAA");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task SendAction_QueuesAPersonsEmailWithATemplate_WhichGoesOutAtTheNextTurn_AndRefusesACallOrASecondSend()
    {
        using var folder = new TemporaryDatabase();
        using var sink = await SmtpSink.StartAsync(ApiServer.SmtpPort, folder.Folder);
        var key = await server.CreateOrganizationAsync("SendAction SAS");
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"C1\", name: \"Client SAS\", contacts: [{ name: \"Léa\", email: \"lea@send-action.example\", language: \"en\", isCollectionContact: true }] }] }) { userErrors { message } } }", key: key);
        var client = (await server.PostAsync("{ clients { nodes { id } } }", key: key)).Data("clients", "nodes")![0]!["id"]!.GetValue<string>();
        var templates = (await server.PostAsync("{ templates { id name } }", key: key)).Data("templates")!.AsArray();
        var reminder = templates.Single(t => t!["name"]!.GetValue<string>() == StandardTemplates.FirstReminder)!["id"]!.GetValue<string>();
        const string Create = "mutation($c: ID!, $ch: Channel!) { createSpecificAction(input: { clientId: $c, channel: $ch }) { action { id } userErrors { message } } }";
        var email = (await server.PostAsync(Create, new { c = client, ch = "EMAIL" }, key)).Data("createSpecificAction", "action", "id")!.GetValue<string>();
        var call = (await server.PostAsync(Create, new { c = client, ch = "CALL" }, key)).Data("createSpecificAction", "action", "id")!.GetValue<string>();
        const string Send = "mutation($a: ID!, $t: ID) { sendAction(input: { actionId: $a, templateId: $t }) { message { state channel to } userErrors { field code message } } }";

        var withoutTemplate = await server.PostAsync(Send, new { a = email }, key);
        var queued = await server.PostAsync(Send, new { a = email, t = reminder }, key);
        var again = await server.PostAsync(Send, new { a = email, t = reminder }, key);
        var ofACall = await server.PostAsync(Send, new { a = call }, key);
        var viewer = await server.PostAsync(Send, new { a = email, t = reminder }, await server.CreateKeyAsync(key, Dso.Domain.Users.Role.Viewer));
        await Outbox.TurnAsync(server);

        Assert.Equal("templateId", withoutTemplate.UserErrors("sendAction").Single()!["field"]!.AsArray()[^1]!.GetValue<string>());
        Assert.Equal("{\"state\":\"QUEUED\",\"channel\":\"EMAIL\",\"to\":[\"lea@send-action.example\"]}", queued.Data("sendAction", "message")!.ToJsonString());
        Assert.Equal("CONFLICT", again.UserErrors("sendAction").Single()!["code"]!.GetValue<string>());
        Assert.Equal("INVALID", ofACall.UserErrors("sendAction").Single()!["code"]!.GetValue<string>());
        Assert.True(viewer.Forbidden, viewer.Body);
        var mail = (await sink.WaitForAsync(1)).Single(m => m.To.Mailboxes.Any(a => a.Address == "lea@send-action.example"));
        Assert.Equal("SendAction SAS: 0 invoice(s) to pay", mail.Subject);
        Assert.Matches(@"http://127\.0\.0\.1:\d+/portal/", mail.TextBody);
    }

    private static string Lines(JsonNode to) => string.Join("|", to.AsArray().Select(l => l!.GetValue<string>()));

    // Narrow and non-breaking spaces as plain ones, and a line break where a paragraph wrapped as a space.
    private static string Spaced(string text) => System.Text.RegularExpressions.Regex.Replace(text.Replace('\u202F', ' ').Replace('\u00A0', ' '), @"\s+", " ");

    private static async Task<string> PdfTextAsync(string file)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(file);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return text;
    }

    [GeneratedRegex(@"export Dso__Sms__(\w+)=(\S+)")]
    private static partial Regex ReadmeSms();
}
