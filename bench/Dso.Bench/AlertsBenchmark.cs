using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Dso.Domain.Alerts;
using Dso.Domain.Clients;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Dso.Domain.Webhooks;

namespace Dso.Bench;

/// <summary>
/// N WebSocket subscribers of alertRaised (graphql-transport-ws, on loopback, one organization): the memory an idle
/// socket holds, then how long each alert takes from its commit to each subscriber (p50, p99, max over five alerts, after one that warms the server up);
/// then M webhook deliveries (one PIECE_UPDATED each) to a receiver on loopback that answers 204: deliveries per second.
/// </summary>
internal static class AlertsBenchmark
{
    private const int Alerts = 5;

    public static async Task RunAsync(int subscribers, int deliveries)
    {
        var folder = Directory.CreateTempSubdirectory("dso-bench-alerts-").FullName;
        await using var receiver = await Receiver.StartAsync();
        await using var app = await BenchServer.StartAsync($"Data Source={Path.Combine(folder, "dso.db")}", b =>
        {
            b.Configuration["Dso:Messaging:Dispatch"] = "false";
            b.Configuration["Dso:Webhooks:AllowPrivateAddresses"] = "true";
            b.Configuration["Dso:Api:CredentialCheckInterval"] = "01:00:00";
        });
        CreatedOrganization created;
        using (var scope = app.Services.CreateScope())
        {
            created = (await scope.ServiceProvider.GetRequiredService<CreateOrganization>().ExecuteAsync(new CreateOrganizationRequest("Alerts Bench SAS", AdminName: "Admin", AdminEmail: "admin@bench.example"), default)).Value!;
        }

        var url = new Uri(new Uri(app.Urls.First().Replace("http", "ws", StringComparison.Ordinal)), "/graphql");
        var sockets = new List<Subscriber>(subscribers);
        var before = Memory();
        var connecting = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, subscribers).Chunk(100))
        {
            sockets.AddRange(await Task.WhenAll(batch.Select(_ => Subscriber.ConnectAsync(url, created.ApiKey))));
        }

        var feed = app.Services.GetRequiredService<Dso.Domain.Events.IChangeFeed>();
        while (feed.Watchers(created.Organization.Id, Dso.Domain.Events.EventTopic.AlertRaised) < subscribers)
        {
            await Task.Delay(50);
        }

        var connected = connecting.Elapsed.TotalSeconds;
        await Task.Delay(1000);
        var perSocket = (Memory() - before) / (double)subscribers;

        var latencies = new List<double>(subscribers * Alerts);
        // The first alert warms the server up (its first insert of an alert, its first result of the document): not counted.
        for (var i = -1; i < Alerts; i++)
        {
            var waiting = sockets.Select(s => s.NextAsync()).ToList();
            var raisedAt = Stopwatch.GetTimestamp();
            await BenchServer.InScopeAsync(app.Services, created.Organization.Id, async sp =>
            {
                var db = sp.GetRequiredService<DsoDbContext>();
                db.Alerts.Add(new Alert(created.Organization.Id, AlertKind.SyncFailed, null, $"Bench alert {i}", TimeProvider.System.GetUtcNow()));
                await db.SaveChangesAsync();
            });
            var arrivals = await Task.WhenAll(waiting);
            if (i >= 0)
            {
                latencies.AddRange(arrivals.Select(at => Stopwatch.GetElapsedTime(raisedAt, at).TotalMilliseconds));
            }
        }

        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        latencies.Sort();
        Console.WriteLine("| WebSocket subscribers | connected in | memory per idle socket | alert to every subscriber: p50 | p99 | max |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {subscribers:N0} | {connected:N1} s | {perSocket / 1024:N1} KiB | {Percentile(latencies, 0.50):N0} ms | {Percentile(latencies, 0.99):N0} ms | {latencies[^1]:N0} ms |"));
        Console.WriteLine();

        var delivering = await DeliverAsync(app, created, receiver, deliveries);
        Console.WriteLine("| webhook deliveries | queued and delivered in | deliveries/s |");
        Console.WriteLine("|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {deliveries:N0} | {delivering:N1} s | {deliveries / delivering:N0} |"));
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    // One PIECE_UPDATED delivery per piece of one upsert, from the commit to the receiver's last 204.
    private static async Task<double> DeliverAsync(WebApplication app, CreatedOrganization created, Receiver receiver, int count)
    {
        var secrets = app.Services.GetRequiredService<Dso.Api.Webhooks.WebhookSecrets>();
        var today = DateOnly.FromDateTime(DateTime.Today);
        await BenchServer.InScopeAsync(app.Services, created.Organization.Id, async sp =>
        {
            await sp.GetRequiredService<UpsertClients>().ExecuteAsync([new ClientInput("C1", "Client SAS")], default);
            await sp.GetRequiredService<CreateWebhook>().ExecuteAsync(new WebhookRequest(receiver.Url, [WebhookEvent.PieceUpdated],
                secrets.Seal(Dso.Api.Webhooks.WebhookSignature.NewSecret()), AllowPrivateAddresses: true), default);
        });
        var watch = Stopwatch.StartNew();
        await BenchServer.InScopeAsync(app.Services, created.Organization.Id, sp => sp.GetRequiredService<UpsertPieces>().ExecuteAsync(
            [.. Enumerable.Range(0, count).Select(i => new PieceInput(PieceType.Invoice, $"F{i:D6}", "C1", today.AddDays(-30), today.AddDays(5), 100m + i, 100m + i))], default));
        while (receiver.Received < count)
        {
            await Task.Delay(10);
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Process.GetCurrentProcess().WorkingSet64;
    }

    /// <summary>One graphql-transport-ws client subscribed to alertRaised; records when each event arrives.</summary>
    private sealed class Subscriber : IDisposable
    {
        private readonly ClientWebSocket socket = new();
        private readonly byte[] buffer = new byte[4096];

        public static async Task<Subscriber> ConnectAsync(Uri url, string key)
        {
            var subscriber = new Subscriber();
            subscriber.socket.Options.AddSubProtocol("graphql-transport-ws");
            await subscriber.socket.ConnectAsync(url, default);
            await subscriber.SendAsync($"{{\"type\":\"connection_init\",\"payload\":{{\"Authorization\":\"Bearer {key}\"}}}}");
            await subscriber.ReceiveAsync();
            await subscriber.SendAsync("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"subscription { alertRaised { id kind message } }\"}}");
            return subscriber;
        }

        /// <summary>When the next event arrived (a Stopwatch timestamp).</summary>
        public async Task<long> NextAsync()
        {
            await ReceiveAsync();
            return Stopwatch.GetTimestamp();
        }

        public void Dispose() => socket.Dispose();

        private Task SendAsync(string text) => socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);

        private async Task ReceiveAsync()
        {
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, default);
            }
            while (!result.EndOfMessage);
        }
    }

    /// <summary>A webhook receiver on loopback (Kestrel) that answers 204 and counts.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication app;
        private int received;

        private Receiver(WebApplication app) => this.app = app;

        public string Url => new Uri(new Uri(app.Urls.First()), "/hook").ToString();

        public int Received => Volatile.Read(ref received);

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.MapPost("/hook", async (Microsoft.AspNetCore.Http.HttpRequest request) =>
            {
                await request.Body.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref receiver.received);
                return Microsoft.AspNetCore.Http.Results.NoContent();
            });
            await app.StartAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
