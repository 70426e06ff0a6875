using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dso.Api.Tests.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dso.Api.Tests.Messaging;

/// <summary>
/// The customer page driven in a real headless Chromium (Debian's), from the link of a real e-mail received by the
/// SMTP sink: the customer promises to pay one invoice and disputes the other, in French, and the collector sees both.
/// </summary>
[Collection(ApiServerGroup.Name)]
public partial class PortalBrowserTests(ApiServer server)
{
    private const string Pieces = "query($c: ID!) { node(id: $c) { ... on Client { pieces { nodes { number status { category } statusComment promise { date } } } } } }";

    [Fact]
    public async Task FromTheEmailsLink_ACustomerPromisesOneInvoice_AndDisputesTheOther_AndTheCollectorSeesBoth()
    {
        using var folder = new TemporaryDatabase();
        using var sink = await SmtpSink.StartAsync(ApiServer.SmtpPort, folder.Folder);
        var (key, client) = await Outbox.ArrangeAsync(server, "Portal Browser SAS", "lea@portal-browser.example", "fr", invoices: 2);
        await Outbox.TurnAsync(server);
        var mail = (await sink.WaitForAsync(1)).Single(m => m.To.Mailboxes.Any(a => a.Address == "lea@portal-browser.example"));
        var link = PortalLink().Match(mail.TextBody!).Value;
        Assert.StartsWith(server.Http.BaseAddress!.ToString().TrimEnd('/') + "/portal/", link, StringComparison.Ordinal);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false })).NewPageAsync();
        await page.GotoAsync(link);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Relevé de compte", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Portal Browser SAS");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("1 500,00 €");

        var promise = page.Locator("form[data-action=promise]");
        await promise.GetByLabel("F-BROWSER-1").CheckAsync();
        await promise.GetByLabel("Date du paiement").FillAsync("2025-07-15");
        await promise.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Votre promesse de paiement au 15/07/2025 est enregistrée pour : F-BROWSER-1. Votre interlocuteur en est informé.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Revenir au relevé" }).ClickAsync();
        var dispute = page.Locator("form[data-action=dispute]");
        await dispute.GetByLabel("F-BROWSER-2").CheckAsync();
        await dispute.GetByLabel("Motif").FillAsync("Livraison incomplète");
        await dispute.GetByLabel("Commentaire (facultatif)").FillAsync("Il manque deux palettes.");
        await dispute.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre contestation est enregistrée pour : F-BROWSER-2.");

        var pieces = (await server.PostAsync(Pieces, new { c = client }, key)).Data("node", "pieces", "nodes")!.AsArray().ToDictionary(p => p!["number"]!.GetValue<string>());
        Assert.Equal(("PAYMENT_PROMISE", "2025-07-15"), (pieces["F-BROWSER-1"]!["status"]!["category"]!.GetValue<string>(), pieces["F-BROWSER-1"]!["promise"]!["date"]!.GetValue<string>()));
        Assert.Equal("DISPUTE", pieces["F-BROWSER-2"]!["status"]!["category"]!.GetValue<string>());
        Assert.Equal("Customer page: Disputed: Livraison incomplète. Il manque deux palettes.", pieces["F-BROWSER-2"]!["statusComment"]!.GetValue<string>());
        var tasks = (await server.PostAsync("{ agenda { nodes { channel note } } }", key: key)).Data("agenda", "nodes")!.AsArray()
            .Where(a => a!["channel"]!.GetValue<string>() == "TASK").Select(a => a!["note"]!.GetValue<string>()).ToList();
        Assert.Contains("Customer page: Payment promised on 2025-07-15 (F-BROWSER-1)", tasks);
        Assert.Contains("Customer page: Disputed: Livraison incomplète (F-BROWSER-2). Comment: Il manque deux palettes.", tasks);
        // The dispute raises NEW_DISPUTE for the client (an event processor, within a moment).
        var raised = false;
        for (var i = 0; i < 100 && !raised; i++)
        {
            raised = (await server.PostAsync("{ alerts { nodes { kind } } }", key: key)).Data("alerts", "nodes")!.AsArray().Any(a => a!["kind"]!.GetValue<string>() == "NEW_DISPUTE");
            await Task.Delay(raised ? 0 : 100);
        }

        Assert.True(raised, "NEW_DISPUTE was not raised");
    }

    [Fact]
    public async Task AFormPostedTwice_RecordsOnce_AForgedTokenIs404_ARevokedOneIs410_AndAPostWithoutItsAntiforgeryTokenChangesNothing()
    {
        using var folder = new TemporaryDatabase();
        using var sink = await SmtpSink.StartAsync(ApiServer.SmtpPort, folder.Folder);
        var (key, client) = await Outbox.ArrangeAsync(server, "Portal Twice SAS", "lea@portal-twice.example", "en");
        var clientId = Dso.Api.GraphQL.Common.GlobalId.DecodeAs("Client", client)!.Value;
        await Outbox.TurnAsync(server);
        var link = PortalLink().Match((await sink.WaitForAsync(1)).Single(m => m.To.Mailboxes.Any(a => a.Address == "lea@portal-twice.example")).TextBody!).Value;
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
        using var http = new HttpClient(handler);

        var html = await http.GetStringAsync(link);
        var form = FormOf().Match(html, html.LastIndexOf("<form", html.IndexOf("data-action=\"copy\"", StringComparison.Ordinal), StringComparison.Ordinal)).Value;
        var fields = HiddenField().Matches(form).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var piece = CheckboxValue().Match(form).Groups[1].Value;
        var post = fields.Select(f => KeyValuePair.Create(f.Key, System.Net.WebUtility.HtmlDecode(f.Value))).Append(KeyValuePair.Create("pieceIds", piece)).ToList();
        // Another client's piece (any ID but this page's) is refused in words that say nothing of it.
        var elsewhere = await http.PostAsync(link, new FormUrlEncodedContent(post.Select(p => p.Key == "pieceIds" ? KeyValuePair.Create("pieceIds", Dso.Api.GraphQL.Common.GlobalId.Encode("Piece", 1)) : p)
            .Select(p => p.Key == "submission" ? KeyValuePair.Create("submission", "another-form") : p)));
        var first = await http.PostAsync(link, new FormUrlEncodedContent(post));
        var second = await http.PostAsync(link, new FormUrlEncodedContent(post));
        using var stranger = new HttpClient();
        var forged = await stranger.PostAsync(link, new FormUrlEncodedContent(post.Where(p => p.Key != "__portal")));
        var unknown = await stranger.GetAsync(link[..^4] + "AAAA");
        using var statement = await stranger.GetAsync(link + "/statement.pdf");

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
        Assert.Contains("Some of the chosen invoices are not open invoices of this account; reload the page.", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Your request for a copy is recorded for: F-TWICE-1.", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("This answer was already recorded.", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("no-referrer", first.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(("application/pdf", "statement-C1.pdf"), (statement.Content.Headers.ContentType!.MediaType, statement.Content.Headers.ContentDisposition!.FileName));
        var copies = (await server.PostAsync("{ agenda { nodes { channel note } } }", key: key)).Data("agenda", "nodes")!.AsArray()
            .Count(a => a!["note"]!.GetValue<string>().StartsWith("Customer page: Copy requested", StringComparison.Ordinal));
        Assert.Equal(1, copies);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Dso.Domain.Persistence.DsoDbContext>();
            var now = server.Clock.GetUtcNow();
            await db.PortalLinks.IgnoreQueryFilters().Where(l => l.ClientId == clientId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now));
        }

        var revoked = await stranger.GetAsync(link);
        Assert.Equal(System.Net.HttpStatusCode.Gone, revoked.StatusCode);
        Assert.Contains("This link has expired", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AColleagueAskedByAnInternalEmail_AnswersThroughItsLink_AndTheAnswerIsOnThePiecesHistory()
    {
        using var folder = new TemporaryDatabase();
        using var sink = await SmtpSink.StartAsync(ApiServer.SmtpPort, folder.Folder);
        var (key, client) = await Outbox.ArrangeAsync(server, "Portal Colleague SAS", "lea@portal-colleague.example", "fr", "INTERNAL_EMAIL");
        var rep = (await server.PostAsync("mutation { createUser(input: { name: \"Marc\", email: \"marc@portal-colleague.example\", roles: [SALES_REP] }) { user { id } } }", key: key))
            .Data("createUser", "user", "id")!.GetValue<string>();
        await server.PostAsync("mutation($u: ID!, $c: ID!) { assignClients(input: { userId: $u, clientIds: [$c] }) { userErrors { message } } }", new { u = rep, c = client }, key);
        await Outbox.TurnAsync(server);
        var mail = (await sink.WaitForAsync(1)).Single(m => m.To.Mailboxes.Any(a => a.Address == "marc@portal-colleague.example"));
        var link = PortalLink().Match(mail.TextBody!).Value;
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
        using var http = new HttpClient(handler);

        var html = await http.GetStringAsync(link);
        var form = FormOf().Match(html, html.LastIndexOf("<form", html.IndexOf("data-action=\"help\"", StringComparison.Ordinal), StringComparison.Ordinal)).Value;
        var post = HiddenField().Matches(form).Select(m => KeyValuePair.Create(m.Groups[1].Value, System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Append(KeyValuePair.Create("pieceIds", CheckboxValue().Match(form).Groups[1].Value)).Append(KeyValuePair.Create("comment", "Livré le 12/06, bon signé.")).ToList();
        var answer = await http.PostAsync(link, new FormUrlEncodedContent(post));

        Assert.Equal("Litige Client SAS", mail.Subject);
        Assert.Contains("Votre aide sur un litige", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"promise\"", html, StringComparison.Ordinal);
        Assert.Contains("Votre réponse est enregistrée sur : F-COLLEAGUE-1.", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var history = (await server.PostAsync("query($c: ID!) { node(id: $c) { ... on Client { pieces { nodes { history { comment } } } } } }", new { c = client }, key))
            .Data("node", "pieces", "nodes")![0]!["history"]!.AsArray().Select(h => h!["comment"]?.GetValue<string>()).ToList();
        Assert.Contains("Customer page, answer of a colleague: Livré le 12/06, bon signé.", history);
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/portal/[A-Za-z0-9_-]+")]
    private static partial Regex PortalLink();

    [GeneratedRegex(@"<form[\s\S]*?</form>")]
    private static partial Regex FormOf();

    [GeneratedRegex(@"<input type=""hidden"" name=""([^""]+)"" value=""([^""]*)"">")]
    private static partial Regex HiddenField();

    [GeneratedRegex(@"name=""pieceIds"" id=""[^""]+"" value=""([^""]+)""")]
    private static partial Regex CheckboxValue();
}
