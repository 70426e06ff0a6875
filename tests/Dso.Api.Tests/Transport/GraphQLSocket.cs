using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dso.Api.Tests.Transport;

/// <summary>A raw graphql-transport-ws client on a real WebSocket, for the tests that drive the protocol message by message.</summary>
public sealed class GraphQLSocket : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket socket = new();

    private GraphQLSocket()
    {
    }

    /// <summary>The close code the server sent, once it closed.</summary>
    public int? CloseCode => (int?)socket.CloseStatus;

    public string? CloseReason => socket.CloseStatusDescription;

    public static Task<GraphQLSocket> OpenAsync(ApiServer server, string? protocol = "graphql-transport-ws") => OpenAsync(server.GraphQLUrl, protocol);

    public static async Task<GraphQLSocket> OpenAsync(Uri graphQLUrl, string? protocol = "graphql-transport-ws")
    {
        var client = new GraphQLSocket();
        if (protocol is not null)
        {
            client.socket.Options.AddSubProtocol(protocol);
        }

        var url = new UriBuilder(graphQLUrl) { Scheme = "ws" }.Uri;
        using var timeout = new CancellationTokenSource(Patience);
        await client.socket.ConnectAsync(url, timeout.Token);
        return client;
    }

    /// <summary>Opens a socket and has it acknowledged for the key.</summary>
    public static Task<GraphQLSocket> ConnectAsync(ApiServer server, string key) => ConnectAsync(server.GraphQLUrl, key);

    public static async Task<GraphQLSocket> ConnectAsync(Uri graphQLUrl, string key)
    {
        var client = await OpenAsync(graphQLUrl);
        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = $"Bearer {key}" } });
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack?["type"]?.GetValue<string>());
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next message, or null when the server closed the socket.</summary>
    public async Task<JsonNode?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray());
            }
        }
    }

    /// <summary>Reads until the server closes the socket, and returns its close code.</summary>
    public async Task<int?> ClosedAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return CloseCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Patience);
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }

        socket.Dispose();
    }
}
