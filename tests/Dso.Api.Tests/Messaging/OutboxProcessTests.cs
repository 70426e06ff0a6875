using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Messaging;

/// <summary>The outbox as it runs: the demo's morning run e-mailed by the Coravel job of a real API process to a real SMTP server, through a kill -9 mid-send.</summary>
public partial class OutboxProcessTests
{
    private const string Count = "query($s: MessageState) { messages(state: $s) { totalCount } }";

    [Fact]
    public async Task TheDemosReminders_AreEmailed_AndAProcessKilledMidSend_NeverSendsAMessageTwice()
    {
        using var folder = new TemporaryDatabase();
        var port = ApiProcess.FreePort();
        // The README's SMTP settings, pointed at the sink (which wants no TLS and no login).
        var readme = ReadmeSmtp().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"))).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        (readme["Host"], readme["Port"], readme["Security"]) = ("127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "None");
        (readme["Username"], readme["Password"]) = ("", "");
        string[] settings = [.. readme.SelectMany(s => new[] { $"--Dso:Smtp:{s.Key}", s.Value }), "--Dso:Messaging:DispatchInterval", "00:00:01", "--Dso:Work:LeaseDuration", "00:00:02"];
        string key;
        using (var stalling = await SmtpSink.StartAsync(port, folder.Folder, stall: true))
        using (var first = await ApiProcess.StartAsync(folder.Path, [.. settings, "--Dso:Demo:Seed", "true"]))
        {
            key = DemoKey().Match(first.Process.Output).Groups[1].Value;
            // Whatever the hour the tests run at, the window is open.
            await DataAsync(first, key, "mutation { updateOrganizationSettings(input: { sendWindow: { days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY], from: \"00:00\", to: \"23:59\" } }) { userErrors { message } } }");
            // The sink never answers the first message's data: the process is killed while it waits.
            // Letters go SENDING then SENT in a moment around it: the one to wait for is the e-mail that stays SENDING.
            Assert.True(await WaitAsync(async () => (await DataAsync(first, key, "{ messages(state: SENDING) { nodes { channel } } }"))["messages"]!["nodes"]!.AsArray()
                .Any(m => m!["channel"]!.GetValue<string>() == "EMAIL")), first.Process.Output);
            first.Process.Kill();
            Assert.Empty(stalling.Messages());
        }

        using var sink = await SmtpSink.StartAsync(port, folder.Folder);
        using var second = await ApiProcess.StartAsync(folder.Path, settings);
        Assert.True(await WaitAsync(async () => await CountAsync(second, key, "QUEUED") == 0 && await CountAsync(second, key, "SENDING") == 0), second.Process.Output);

        var (sent, letters) = await SentAsync(second, key);
        var failed = (await DataAsync(second, key, "{ messages(state: FAILED, first: 100) { nodes { channel error action { state } } } }"))["messages"]!["nodes"]!.AsArray();
        var received = sink.Messages();
        Assert.True(sent > 0, "the demo's morning run plans automatic e-mails due today");
        Assert.True(sent == received.Count, $"{sent} e-mails SENT, {received.Count} received; failed: {failed.ToJsonString()}");
        Assert.Equal(received.Count, received.Select(m => m.MessageId).Distinct().Count());
        var interrupted = failed.SingleOrDefault(f => f!["error"]!.GetValue<string>().StartsWith("Interrupted while being sent", StringComparison.Ordinal));
        Assert.True(interrupted is not null, $"no interrupted message among the failed ones: {failed.ToJsonString()}");
        var messageId = MessageIdOf().Match(interrupted!["error"]!.GetValue<string>()).Groups[1].Value;
        Assert.DoesNotContain(received, m => m.MessageId!.StartsWith(messageId, StringComparison.Ordinal));
        Assert.Equal("FAILED", interrupted!["action"]!["state"]!.GetValue<string>());
        var mail = received[0];
        Assert.Equal(("Démo Industries SAS", "relances@example.com"), (mail.From.Mailboxes.Single().Name, mail.From.Mailboxes.Single().Address));
        Assert.All(received, m => Assert.StartsWith("Démo Industries SAS : ", m.Subject, StringComparison.Ordinal));
        Assert.All(received, m => Assert.Contains("/portal/", m.TextBody, StringComparison.Ordinal));
        // Clients caught up past 45 days get the formal notice today: a PDF ready to print.
        Assert.NotEmpty(letters);
        var pdf = await second.Http.GetByteArrayAsync(letters[0]);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }

    // The demo's formal notices are letters (rendered, not mailed): only e-mails reach the sink; the letters' download links.
    private static async Task<(int Emails, List<string> Letters)> SentAsync(ApiProcess api, string key)
    {
        var (emails, letters, after) = (0, new List<string>(), (string?)null);
        do
        {
            var page = (await DataAsync(api, key, "query($a: String) { messages(state: SENT, first: 100, after: $a) { nodes { channel documentUrl } pageInfo { hasNextPage endCursor } } }", new { a = after }))["messages"]!;
            emails += page["nodes"]!.AsArray().Count(n => n!["channel"]!.GetValue<string>() == "EMAIL");
            letters.AddRange(page["nodes"]!.AsArray().Where(n => n!["channel"]!.GetValue<string>() == "LETTER").Select(n => n!["documentUrl"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        return (emails, letters);
    }

    private static async Task<int> CountAsync(ApiProcess api, string key, string state) =>
        (await DataAsync(api, key, Count, new { s = state }))["messages"]!["totalCount"]!.GetValue<int>();

    private static async Task<JsonNode> DataAsync(ApiProcess api, string key, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, api.GraphQLUrl) { Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await api.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!;
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    [GeneratedRegex(@"^export Dso__Smtp__(\w+)=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex ReadmeSmtp();

    [GeneratedRegex(@"Admin API key: (dso_\S+)")]
    private static partial Regex DemoKey();

    [GeneratedRegex(@"Message-ID <([0-9a-f]+)@")]
    private static partial Regex MessageIdOf();
}
