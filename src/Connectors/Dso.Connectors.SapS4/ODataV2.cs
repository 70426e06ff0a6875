using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Dso.Connectors.Abstractions;
using Dso.Connectors.Shared;

namespace Dso.Connectors.SapS4;

/// <summary>
/// Reads S/4HANA's OData v2 services under <c>/sap/opu/odata/sap/</c> of the host root, with HTTP Basic (a
/// communication user): collections are <c>{"d":{"results":[...],"__next":...}}</c>; the server's <c>__next</c> is
/// followed (on the configured host: behind a proxy it may name another), and without one a full page asks for the
/// next with <c>$skip</c>. A query string on <c>baseUrl</c> (<c>?sap-client=100</c>) goes with every request. A 401
/// (ABAP answers it with an HTML page) is an authentication failure, never retried; a 403 or 404 is a configuration one.
/// </summary>
internal sealed class ODataV2(ConnectorContext context)
{
    public const string Erp = "SAP S/4HANA";
    private readonly HttpClient http = context.CreateHttpClient();
    private readonly Uri root = Root(ErpValues.Url(context.Settings, "baseUrl"));
    private readonly string extra = ErpValues.Url(context.Settings, "baseUrl").Query.TrimStart('?');
    private readonly AuthenticationHeaderValue authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{context.Settings.Require("username")}:{context.Settings.Require("password")}")));

    /// <summary>The pages of a collection, each the array of its results, from <paramref name="query"/> (a path under <c>/sap/opu/odata/sap/</c> with its query, <c>$top</c> included).</summary>
    public async IAsyncEnumerable<JsonElement> PagesAsync(string query, int top, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (address, skip) = (new Uri(root, query), 0);
        while (true)
        {
            using var page = await GetAsync(address, cancellationToken);
            var d = page.RootElement.TryGetProperty("d", out var data) ? data : throw new ConnectorException(ConnectorErrorKind.Configuration, $"{Erp} answered {address.AbsolutePath} without an OData v2 'd' envelope.");
            var results = d.TryGetProperty("results", out var array) && array.ValueKind == JsonValueKind.Array ? array : default;
            var count = results.ValueKind == JsonValueKind.Array ? results.GetArrayLength() : 0;
            if (count > 0)
            {
                yield return results.Clone();
            }

            if (ErpValues.Text(d, "__next") is { } next)
            {
                var following = OnOurHost(new Uri(address, next));
                address = following != address ? following : throw new ConnectorException(ConnectorErrorKind.Transient, $"{Erp} gave the page it answered as its next one: the read stops rather than loop.");
            }
            else if (count == top)
            {
                skip += top;
                address = new Uri(root, $"{query}&$skip={skip}");
            }
            else
            {
                yield break;
            }
        }
    }

    private static Uri Root(Uri baseUrl) => new(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/sap/opu/odata/sap/");

    private Uri OnOurHost(Uri next) => new UriBuilder(next) { Scheme = root.Scheme, Host = root.Host, Port = root.Port }.Uri;

    private async Task<JsonDocument> GetAsync(Uri address, CancellationToken cancellationToken)
    {
        var target = extra.Length == 0 || address.Query.Contains(extra, StringComparison.Ordinal) ? address : new Uri($"{address}{(address.Query.Length > 0 ? "&" : "?")}{extra}");
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Authorization = authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await ErpHttp.SendAsync(http, request, Erp, context.Clock, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new ConnectorException(ConnectorErrorKind.Authentication, $"{Erp} refused the user '{context.Settings.Require("username")}' (HTTP 401).");
        }

        if (!response.IsSuccessStatusCode)
        {
            var why = response.StatusCode switch
            {
                HttpStatusCode.Forbidden => " (the communication user needs the arrangements SAP_COM_0303 and SAP_COM_0008)",
                HttpStatusCode.NotFound => " (is the service active on this host?)",
                _ => "",
            };
            throw new ConnectorException(ConnectorErrorKind.Configuration, $"{Erp} refused {address.AbsolutePath}{why}: {await ErpHttp.ErrorAsync(response, cancellationToken)}");
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
