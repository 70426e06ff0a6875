using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Messaging;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace Dso.Bench;

/// <summary>
/// N automatic e-mails (N clients, one overdue invoice each, the native first reminder) queued and sent by the
/// outbox to an SMTP sink on loopback that accepts everything: messages per second and the process's peak memory.
/// </summary>
internal static class MessagingBenchmark
{
    public static async Task RunAsync(int count)
    {
        var folder = Directory.CreateTempSubdirectory("dso-bench-mail-").FullName;
        using var sink = new SmtpSink();
        await using var app = await BenchServer.StartAsync($"Data Source={Path.Combine(folder, "dso.db")}", b =>
        {
            b.Configuration["Dso:Messaging:Dispatch"] = "false";
            b.Configuration["Dso:Smtp:Host"] = "127.0.0.1";
            b.Configuration["Dso:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture);
            b.Configuration["Dso:Smtp:Security"] = "None";
            b.Configuration["Dso:Smtp:From"] = "relances@bench.example";
        });
        long organization;
        using (var scope = app.Services.CreateScope())
        {
            organization = (await scope.ServiceProvider.GetRequiredService<CreateOrganization>().ExecuteAsync(new CreateOrganizationRequest("Mail Bench SAS", AdminName: "Admin", AdminEmail: "admin@bench.example"), default)).Value!.Organization.Id;
        }

        await BenchServer.InScopeAsync(app.Services, organization, async sp =>
        {
            var today = (await sp.GetRequiredService<DsoDbContext>().Organizations.SingleAsync()).Today(TimeProvider.System);
            await sp.GetRequiredService<UpdateOrganizationSettings>().ExecuteAsync(new OrganizationSettingsInput(null, null, null, null, SendWindow: new SendWindowInput(Enum.GetValues<DayOfWeek>(), "00:00", "23:59")), default);
            var template = await sp.GetRequiredService<DsoDbContext>().Templates.Where(t => t.Name == StandardTemplates.FirstReminder).Select(t => t.Id).SingleAsync();
            await sp.GetRequiredService<CreateScenario>().ExecuteAsync(new ScenarioInput("Standard", true, [new(5, Channel.Email, template, null, true)]), default);
            foreach (var chunk in Enumerable.Range(0, count).Chunk(1000))
            {
                await sp.GetRequiredService<UpsertClients>().ExecuteAsync([.. chunk.Select(i => new ClientInput($"C{i:D6}", $"Client {i} SAS", Contacts: [new ContactInput("Compta", $"compta{i}@client.example", null, "fr", true)]))], default);
                await sp.GetRequiredService<UpsertPieces>().ExecuteAsync([.. chunk.Select(i => new PieceInput(PieceType.Invoice, $"F{i:D6}", $"C{i:D6}", today.AddDays(-35), today.AddDays(-5), 1200m + i % 500, 1200m + i % 500))], default);
            }

            await sp.GetRequiredService<RunScenarios>().ExecuteAsync(null, default);
        });

        // The two halves of the outbox's turns, timed apart: queuing (rendering each message) and dispatching (sending it).
        var watch = Stopwatch.StartNew();
        var queued = 0;
        while (true)
        {
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<Tenant>().Enter(organization);
            var more = await scope.ServiceProvider.GetRequiredService<QueueMessages>().ExecuteAsync(default);
            queued += more;
            if (more == 0)
            {
                break;
            }
        }

        var queuing = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var sent = 0;
        while (true)
        {
            using var scope = app.Services.CreateScope();
            var dispatched = await scope.ServiceProvider.GetRequiredService<DispatchMessages>().ExecuteAsync(default);
            sent += dispatched.Sent;
            if (dispatched.Sent + dispatched.Retried + dispatched.Failed == 0)
            {
                break;
            }
        }

        var sending = watch.Elapsed.TotalSeconds;
        if (queued != count || sent != count || sink.Received != count)
        {
            throw new InvalidOperationException($"{queued} queued, {sent} sent, {sink.Received} received, {count} expected.");
        }

        Console.WriteLine("| e-mails | queued (rendered) | sent over SMTP | messages/s, end to end | peak working set |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count:N0} | {queuing:N1} s | {sending:N1} s | {count / (queuing + sending):N0} | {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB |"));
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>An SMTP server on loopback that accepts every message and counts them (the speed measured is Dso's).</summary>
    private sealed class SmtpSink : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private int received;

        public SmtpSink()
        {
            listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public int Received => Volatile.Read(ref received);

        public void Dispose() => listener.Stop();

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 bench ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Split(' ')[0].ToUpperInvariant();
                    if (verb == "DATA")
                    {
                        await writer.WriteLineAsync("354 go ahead");
                        while (await reader.ReadLineAsync() is { } data && data != ".")
                        {
                        }

                        Interlocked.Increment(ref received);
                        await writer.WriteLineAsync("250 OK");
                    }
                    else
                    {
                        await writer.WriteLineAsync(verb switch
                        {
                            "EHLO" => "250-bench\r\n250 8BITMIME",
                            "QUIT" => "221 bye",
                            _ => "250 OK",
                        });
                        if (verb == "QUIT")
                        {
                            return;
                        }
                    }
                }
            }
        }
    }
}
