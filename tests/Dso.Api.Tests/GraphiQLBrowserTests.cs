using Microsoft.Playwright;

namespace Dso.Api.Tests;

/// <summary>The GraphiQL IDE in a real headless Chromium (Debian's): its first screen, and the API key kept across reloads once its user asks for it.</summary>
[Collection(ApiServerGroup.Name)]
public class GraphiQLBrowserTests(ApiServer server)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task TheHeaders_AreKeptAcrossReloads_OnlyOnceTheUserTurnsOnPersistHeaders()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } })).NewPageAsync();
        var url = new Uri(server.Http.BaseAddress!, "/graphiql/").ToString();
        await page.GotoAsync(url);

        // Each line of the default document's comment is seen whole, on an ordinary laptop's screen.
        var comment = page.Locator(".graphiql-query-editor .view-line > span").Filter(new() { HasText = "#" });
        await Assertions.Expect(comment.First).ToContainTextAsync("Your API key goes in");
        await Assertions.Expect(comment).ToHaveCountAsync(5);
        // Measured in one go in the page: Monaco re-renders its lines as it tokenizes them.
        var cut = await page.EvaluateAsync<string[]>("""
            () => {
              const editor = document.querySelector('.graphiql-query-editor').getBoundingClientRect();
              return [...document.querySelectorAll('.graphiql-query-editor .view-line > span')]
                .filter(line => line.textContent.includes('#') && line.getBoundingClientRect().right > editor.right)
                .map(line => line.textContent);
            }
            """);
        Assert.Empty(cut);

        await TypeHeadersAsync(page, $"{{\"Authorization\": \"Bearer {ApiServer.BootstrapKey}\"}}");
        await page.ReloadAsync();
        Assert.DoesNotContain(ApiServer.BootstrapKey, await HeadersAsync(page), StringComparison.Ordinal);

        await TypeHeadersAsync(page, $"{{\"Authorization\": \"Bearer {ApiServer.BootstrapKey}\"}}");
        await page.GetByLabel("Open settings dialog").ClickAsync();
        await page.Locator("#enable-persist-headers").ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForFunctionAsync("key => (localStorage.getItem('graphiql:headers') || '').includes(key)", ApiServer.BootstrapKey);
        await page.ReloadAsync();
        Assert.Contains(ApiServer.BootstrapKey, await HeadersAsync(page), StringComparison.Ordinal);
    }

    private static async Task TypeHeadersAsync(IPage page, string headers)
    {
        await OpenHeadersAsync(page);
        var editor = page.Locator(".graphiql-editor-tool .graphiql-editor").Last;
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.InsertTextAsync(headers);
        // GraphiQL stores what is typed after a short pause.
        await page.WaitForTimeoutAsync(700);
    }

    private static async Task<string> HeadersAsync(IPage page)
    {
        await OpenHeadersAsync(page);
        var lines = page.Locator(".graphiql-editor-tool .graphiql-editor").Last.Locator(".view-line");
        await Assertions.Expect(lines.First).ToBeVisibleAsync();
        return string.Join("\n", await lines.AllInnerTextsAsync());
    }

    private static async Task OpenHeadersAsync(IPage page)
    {
        var tab = page.GetByRole(AriaRole.Button, new() { Name = "Headers" });
        if (await page.Locator(".graphiql-editor-tool").CountAsync() == 0 || !await page.Locator(".graphiql-editor-tool").IsVisibleAsync())
        {
            await page.GetByLabel("Show editor tools").ClickAsync();
        }

        await tab.ClickAsync();
    }
}
