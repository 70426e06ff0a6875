using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Dso.Bench;

/// <summary>
/// A FULL sync of N pieces over N/20 clients through the plug-in host (the tests' <c>test-http</c> plug-in) from a
/// fake ERP serving them in pages of 1 000 over loopback HTTP, by an API server in a process of its own (its peak
/// memory read from /proc), then the same sync again (nothing changed), side by side with the file import of the
/// same records (`admin import` of the generated Sage export).
/// </summary>
internal static partial class SyncBenchmark
{
    private const string Key = "dso_bench_bootstrap_0123456789abcdef";
    private const string Token = "bench-erp-token";

    public static async Task RunAsync(int pieces)
    {
        var folder = Directory.CreateTempSubdirectory("dso-sync-bench-").FullName;
        var clients = Math.Max(10, pieces / 20);
        var records = ImportBenchmark.Records(pieces, clients).ToArray();
        var file = FileImport(folder, pieces, clients);
        await using var erp = await StartErpAsync(records, clients);
        var port = FreePort();
        var api = Path.Combine(AppContext.BaseDirectory, "Dso.Api.dll");
        using var server = Process.Start(new ProcessStartInfo("dotnet",
            [api, "--urls", $"http://127.0.0.1:{port}", "--ConnectionStrings:Dso", $"Data Source={Path.Combine(folder, "sync.db")}", "--Dso:Auth:BootstrapApiKey", Key,
             "--Dso:Plugins:Path", Path.Combine(AppContext.BaseDirectory, "plugins"), "--Dso:Scenarios:MorningRun", "false", "--Logging:LogLevel:Default", "Warning"])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", Key);
            await WaitUntilUpAsync(http);
            var created = await GraphQLAsync(http, "mutation($input: CreateErpConnectionInput!) { createErpConnection(input: $input) { erpConnection { id } userErrors { message } } }",
                new { input = new { pluginId = "test-http", name = "Bench ERP", mode = "FULL", settings = new { baseUrl = erp.Url, token = Token, pageSize = 1000 } } });
            var connection = created["createErpConnection"]!["erpConnection"]!["id"]!.GetValue<string>();
            var first = await SyncAsync(http, connection);
            var again = await SyncAsync(http, connection);
            var peak = PeakMiB(server.Id);
            var rate = pieces / first.Seconds;
            var fileRate = pieces / file.Seconds;

            Console.WriteLine("| pieces | clients | file import | rows/s | FULL sync | rows/s | sync ÷ file (rows/s) | peak memory (server) | re-sync (unchanged) | re-sync ÷ first |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {pieces:N0} | {clients:N0} | {file.Seconds:N1} s | {fileRate:N0} | {first.Seconds:N1} s | {rate:N0} | {rate / fileRate:N2} | {peak:N0} MiB | {again.Seconds:N1} s | {again.Seconds / first.Seconds:N2} |"));
            Console.Error.WriteLine($"first: {first.Run.ToJsonString()}\nagain: {again.Run.ToJsonString()}");
        }
        finally
        {
            server.Kill();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (double Seconds, long PeakMiB) FileImport(string folder, int pieces, int clients)
    {
        var csv = Path.Combine(folder, "export.csv");
        ImportBenchmark.Generate(csv, pieces, clients);
        var mapping = Path.Combine(folder, "mapping.json");
        File.WriteAllText(mapping, ImportBenchmark.Mapping);
        var database = $"Data Source={Path.Combine(folder, "import.db")}";
        var api = Path.Combine(AppContext.BaseDirectory, "Dso.Api.dll");
        var organization = OrganizationId().Match(ImportBenchmark.Run("dotnet", [api, "admin", "create-organization", "--name", "Bench SAS", "--ConnectionStrings:Dso", database]).Output).Groups[1].Value;
        var run = ImportBenchmark.Run("dotnet", [api, "admin", "import", "--organization", organization, "--file", csv, "--mapping", mapping, "--mode", "FULL", "--ConnectionStrings:Dso", database]);
        return (run.Seconds, run.PeakMiB);
    }

    // The run's own timing, from its start to its end as the server recorded them.
    private static async Task<(double Seconds, JsonNode Run)> SyncAsync(HttpClient http, string connection)
    {
        var id = (await GraphQLAsync(http, "mutation($id: ID!) { runErpConnection(id: $id) { run { id } userErrors { message } } }", new { id = connection }))["runErpConnection"]!["run"]!["id"]!.GetValue<string>();
        while (true)
        {
            await Task.Delay(500);
            var run = (await GraphQLAsync(http, "query($id: ID!) { node(id: $id) { ... on SyncRun { state startedAt finishedAt piecesRead piecesUpserted piecesClosed rejected errors } } }", new { id }))["node"]!;
            if (run["state"]!.GetValue<string>() == "FAILED")
            {
                throw new InvalidOperationException($"The sync failed: {run.ToJsonString()}");
            }

            if (run["state"]!.GetValue<string>() == "SUCCEEDED")
            {
                return ((DateTimeOffset.Parse(run["finishedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture) - DateTimeOffset.Parse(run["startedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture)).TotalSeconds, run);
            }
        }
    }

    private static async Task<JsonNode> GraphQLAsync(HttpClient http, string query, object variables)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return answer["data"] ?? throw new InvalidOperationException(answer.ToJsonString());
    }

    private static async Task WaitUntilUpAsync(HttpClient http)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (attempt < 600)
            {
            }

            await Task.Delay(100);
        }
    }

    private static long PeakMiB(int pid) =>
        long.Parse(PeakLine().Match(File.ReadAllText($"/proc/{pid}/status")).Groups[1].Value, CultureInfo.InvariantCulture) / 1024;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The ERP: the clients, then the pieces, as one list of records paged by index (the test-http wire format).
    private static async Task<Erp> StartErpAsync(GeneratedPiece[] records, int clients)
    {
        var codes = records.Select(r => r.Client).DistinctBy(c => c.Code).ToArray();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Map("/ping", (HttpContext context) => Results.Ok());
        app.Map("/records", (string? after, int limit) =>
        {
            var from = int.TryParse(after, CultureInfo.InvariantCulture, out var start) ? start : 0;
            var indexes = Enumerable.Range(from, Math.Max(0, Math.Min(limit, codes.Length + records.Length - from))).ToList();
            var next = from + indexes.Count < codes.Length + records.Length ? (from + indexes.Count).ToString(CultureInfo.InvariantCulture) : null;
            return Results.Json(new
            {
                clients = indexes.Where(i => i < codes.Length).Select(i => new { code = codes[i].Code, name = codes[i].Name }),
                pieces = indexes.Where(i => i >= codes.Length).Select(i => records[i - codes.Length]).Select(p => new
                {
                    type = p.Type switch { "Avoir" => "CreditNote", "Règlement" => "UnappliedPayment", _ => "Invoice" },
                    number = p.Number, clientCode = p.Client.Code, issueDate = p.Issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    dueDate = p.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), amount = p.Amount.ToString(CultureInfo.InvariantCulture),
                    openAmount = p.Open.ToString(CultureInfo.InvariantCulture), currency = "EUR",
                }),
                next,
            });
        });
        await app.StartAsync();
        return new Erp(app, app.Urls.First() + "/");
    }

    [GeneratedRegex("\"organizationId\":\"([^\"]+)\"")]
    private static partial Regex OrganizationId();

    [GeneratedRegex(@"VmHWM:\s+(\d+) kB")]
    private static partial Regex PeakLine();

    private sealed record Erp(WebApplication App, string Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
