using System.Net;
using System.Text;
using System.Text.Json;
using Dso.Connectors.Abstractions;
using Dso.Connectors.Shared;
using Microsoft.Extensions.Logging;

namespace Dso.Connectors.SapB1;

/// <summary>
/// One session of the Service Layer: <c>POST Login</c> with the company, user and password; the <c>B1SESSION</c> and
/// <c>ROUTEID</c> cookies it sets (kept here, by name: the real server sets them without a <c>Path</c>, and the host's
/// HTTP handler keeps no cookies) sent with every request; a 401 whose error code is 301 (the session timed out)
/// logs in again once and replays the request once, never more; <c>POST Logout</c> at the end.
/// </summary>
internal sealed class ServiceLayer : IAsyncDisposable
{
    public const string Erp = "SAP Business One";
    private static readonly string[] SessionCookies = ["B1SESSION", "ROUTEID"];
    private readonly ConnectorContext context;
    private readonly HttpClient http;
    private readonly Uri root;
    private readonly int pageSize;
    private string? cookie;

    private ServiceLayer(ConnectorContext context)
    {
        this.context = context;
        http = context.CreateHttpClient();
        root = new Uri(ErpValues.Url(context.Settings, "baseUrl").ToString().TrimEnd('/') + "/");
        pageSize = context.Settings.GetInt32("pageSize", 100);
        if (pageSize is < 1 or > 5000)
        {
            throw new ConnectorException(ConnectorErrorKind.Configuration, "The setting 'pageSize' must be between 1 and 5000.");
        }
    }

    /// <summary>The Service Layer's version, as the login gave it.</summary>
    public string Version { get; private set; } = "";

    public static async Task<ServiceLayer> OpenAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        var session = new ServiceLayer(context);
        await session.LoginAsync(cancellationToken);
        return session;
    }

    /// <summary>The company's local currency (<c>CompanyService_GetAdminInfo</c>): documents in another one are read in their <c>…FC</c> amounts.</summary>
    public async Task<string> LocalCurrencyAsync(CancellationToken cancellationToken)
    {
        using var info = await SendAsync(HttpMethod.Post, "CompanyService_GetAdminInfo", cancellationToken);
        return ErpValues.Text(info.RootElement, "LocalCurrency")
            ?? throw new ConnectorException(ConnectorErrorKind.Configuration, $"{Erp} gave no local currency for the company.");
    }

    /// <summary>A GET relative to the service root (a query of ours, or the server's relative <c>odata.nextLink</c>), a page at most <c>pageSize</c> long.</summary>
    public Task<JsonDocument> GetAsync(string relative, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, relative, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (cookie is null)
        {
            return;
        }

        // The session would time out by itself; ending it frees the B1 user's seat at once. It may fail: nothing depends on it.
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var request = Request(HttpMethod.Post, "Logout");
            using var response = await http.SendAsync(request, stop.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            context.Logger.LogLogoutFailed(e.Message);
        }
    }

    private async Task LoginAsync(CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var (company, user) = (settings.Require("companyDb"), settings.Require("username"));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(root, "Login"))
        {
            // The Service Layer's names as they are (JsonContent would write them in camel case).
            Content = new StringContent(JsonSerializer.Serialize(new { CompanyDB = company, UserName = user, Password = settings.Require("password") }), Encoding.UTF8, "application/json"),
        };
        using var response = await ErpHttp.SendAsync(http, request, Erp, context.Clock, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ConnectorException(ConnectorErrorKind.Configuration, $"No Service Layer answers at {root}Login: baseUrl must be the service root (https://host:50000/b1s/v1).");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException(ConnectorErrorKind.Authentication, $"{Erp} refused the login of '{user}' to '{company}': {await ErpHttp.ErrorAsync(response, cancellationToken)}");
        }

        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0].Trim()).Where(c => SessionCookies.Any(n => c.StartsWith(n + "=", StringComparison.Ordinal))).ToList()
            : [];
        if (!cookies.Any(c => c.StartsWith("B1SESSION=", StringComparison.Ordinal)))
        {
            throw new ConnectorException(ConnectorErrorKind.Configuration, $"{Erp} answered the login without a B1SESSION cookie: is {root} the Service Layer's root?");
        }

        cookie = string.Join("; ", cookies);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken) is { Length: > 0 } text ? text : "{}");
        Version = ErpValues.Text(body.RootElement, "Version") ?? "";
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string relative, CancellationToken cancellationToken)
    {
        for (var loggedInAgain = false; ; loggedInAgain = true)
        {
            using var request = Request(method, relative);
            using var response = await ErpHttp.SendAsync(http, request, Erp, context.Clock, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (ErpHttp.ErrorCode(body) == "301" && !loggedInAgain)
                {
                    context.Logger.LogSessionExpired();
                    await LoginAsync(cancellationToken);
                    continue;
                }

                throw new ConnectorException(ConnectorErrorKind.Authentication, $"{Erp} refused the session{(loggedInAgain ? " again after a new login" : "")}: {await ErpHttp.ErrorAsync(response, cancellationToken)}");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ConnectorException(ConnectorErrorKind.Configuration, $"{Erp} refused {method} {relative.Split('?')[0]}: {await ErpHttp.ErrorAsync(response, cancellationToken)}");
            }

            try
            {
                return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            }
            catch (JsonException e)
            {
                throw new ConnectorException(ConnectorErrorKind.Transient, $"{Erp} sent a page that is not JSON (cut short?): {e.Message}", null, e);
            }
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string relative)
    {
        var request = new HttpRequestMessage(method, new Uri(root, relative));
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={pageSize}");
        return request;
    }
}
