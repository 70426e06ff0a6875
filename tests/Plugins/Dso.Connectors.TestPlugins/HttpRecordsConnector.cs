using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dso.Connectors.Abstractions;

namespace Dso.Connectors.TestPlugins;

/// <summary>
/// Reads a fake ERP over HTTP: <c>GET {baseUrl}records?after=&amp;limit=</c> with a bearer token answers a page
/// <c>{"clients":[...],"pieces":[...],"settled":[...],"rejected":[...],"next":"cursor or null"}</c>; 401 is an
/// authentication failure, 429 and 5xx are transient (with <c>Retry-After</c>).
/// </summary>
public sealed class HttpRecordsConnector : IConnector
{
    public ConnectorManifest Manifest { get; } = new("test-http", "Test HTTP ERP", "Dso tests", "1.0.0",
        ConnectorCapabilities.Full | ConnectorCapabilities.Incremental | ConnectorCapabilities.Clients | ConnectorCapabilities.Deletions,
        [
            new SettingDefinition("baseUrl", SettingType.Text, Required: true, Description: "The fake ERP's root"),
            new SettingDefinition("token", SettingType.Text, Required: true, Secret: true),
            new SettingDefinition("pageSize", SettingType.WholeNumber, Default: "100"),
        ]);

    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(context, "ping", cancellationToken);
        return response.StatusCode == HttpStatusCode.Unauthorized
            ? new CheckResult(false, "The ERP refused the token.")
            : new CheckResult(response.IsSuccessStatusCode, $"The ERP answered {(int)response.StatusCode}.");
    }

    public async IAsyncEnumerable<ConnectorBatch> ReadAsync(ConnectorContext context, string? cursor, SyncMode mode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = context.Settings.GetInt32("pageSize", 100);
        var after = cursor;
        do
        {
            using var response = await SendAsync(context, $"records?after={Uri.EscapeDataString(after ?? "")}&limit={limit}&mode={mode}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new ConnectorException(ConnectorErrorKind.Authentication, "The ERP refused the token.");
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                var retry = response.Headers.RetryAfter?.Delta;
                throw new ConnectorException(ConnectorErrorKind.Transient, $"The ERP answered {(int)response.StatusCode}.", retry);
            }

            using var page = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            var root = page.RootElement;
            after = root.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            var (pieces, rejected) = (new List<PieceRecord>(), new List<RejectedRecord>());
            foreach (var item in Items(root, "pieces"))
            {
                try
                {
                    pieces.Add(Piece(item));
                }
                catch (FormatException e)
                {
                    rejected.Add(new RejectedRecord(item.TryGetProperty("number", out var number) ? number.ToString() : "?", e.Message));
                }
            }

            yield return new ConnectorBatch([.. Items(root, "clients").Select(c => new ClientRecord(c.GetProperty("code").GetString()!, c.GetProperty("name").GetString()!))], pieces, after ?? cursor)
            {
                Settled = [.. Items(root, "settled").Select(s => new PieceKey(PieceKind.Invoice, s.GetString()!))],
                Rejected = rejected,
            };
        }
        while (after is not null);
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var items) ? items.EnumerateArray() : [];

    private static PieceRecord Piece(JsonElement p) => new(
        Enum.Parse<PieceKind>(p.GetProperty("type").GetString()!), p.GetProperty("number").GetString()!, p.GetProperty("clientCode").GetString()!,
        DateOnly.Parse(p.GetProperty("issueDate").GetString()!, CultureInfo.InvariantCulture), DateOnly.Parse(p.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture),
        decimal.Parse(p.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture), decimal.Parse(p.GetProperty("openAmount").GetString()!, CultureInfo.InvariantCulture),
        p.GetProperty("currency").GetString()!);

    private static async Task<HttpResponseMessage> SendAsync(ConnectorContext context, string path, CancellationToken cancellationToken)
    {
        var client = context.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(context.Settings.Require("baseUrl")), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.Settings.Require("token"));
        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ConnectorException(ConnectorErrorKind.Transient, $"The ERP could not be reached: {e.Message}", null, e);
        }
    }
}
