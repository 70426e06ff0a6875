using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Dso.Api.Tests.Webhooks;

/// <summary>
/// clients/webhook-receiver.mjs under Node: a receiver on a loopback port that checks each delivery's signature
/// with the standardwebhooks library and answers with the statuses it is given; each request it receives is a line.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<JsonObject> received = Channel.CreateUnbounded<JsonObject>();

    private WebhookReceiver(Process process) => this.process = process;

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>Starts a receiver answering with these statuses; it checks signatures once given the secret (<see cref="UseSecretAsync"/>).</summary>
    public static async Task<WebhookReceiver> StartAsync(string statuses)
    {
        await Transport.NodeClients.RunAsync("-e", "0");
        var folder = Path.Combine(RepositoryRoot.Find(), "tests", "Dso.Api.Tests", "Transport", "clients");
        var process = Process.Start(new ProcessStartInfo("node", ["webhook-receiver.mjs", statuses]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardInput = true })!;
        var receiver = new WebhookReceiver(process);
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? throw new InvalidOperationException("The receiver did not start.");
        receiver.Port = JsonNode.Parse(first)!["port"]!.GetValue<int>();
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                await receiver.received.Writer.WriteAsync((JsonObject)JsonNode.Parse(line)!);
            }
        });
        return receiver;
    }

    public async Task UseSecretAsync(string secret)
    {
        await process.StandardInput.WriteLineAsync(secret);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>The next request the receiver got, within the time given.</summary>
    public async Task<JsonObject> NextAsync(TimeSpan? within = null) =>
        await received.Reader.ReadAsync().AsTask().WaitAsync(within ?? TimeSpan.FromSeconds(20));

    /// <summary>What it got so far and not read yet.</summary>
    public List<JsonObject> Pending()
    {
        var list = new List<JsonObject>();
        while (received.Reader.TryRead(out var line))
        {
            list.Add(line);
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
