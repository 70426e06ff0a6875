using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Limits;
using Dso.Domain.Events;
using Dso.Domain.Users;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Transport;

/// <summary>
/// One graphql-transport-ws connection. The client authenticates in <c>connection_init</c> (payload
/// <c>{"Authorization": "Bearer …"}</c>, or the upgrade request's header); each <c>subscribe</c> then runs in a
/// scope of its own as that caller, with the same validation rules as HTTP, until it completes, the client sends
/// <c>complete</c>, or the socket closes. Protocol errors close the socket with the protocol's codes, and the
/// credentials are checked again periodically: a revoked key, an archived user or an expired token closes it with
/// 4403, as do changed roles (the client reconnects with its new rights).
/// </summary>
public sealed partial class GraphQLWebSocketSession : IAsyncDisposable
{
    private const int OutgoingBytes = 512;
    private const int MaxKeptOutgoingBytes = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebSocket socket;
    private readonly System.Net.IPAddress? address;
    private readonly IServiceScopeFactory scopes;
    private readonly IChangeFeed feed;
    private readonly IDocumentExecuter<DsoSchema> executer;
    private readonly IGraphQLTextSerializer serializer;
    private readonly RequestRules rules;
    private readonly TransportOptions options;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop;
    private readonly SemaphoreSlim sending = new(1, 1);

    // The message being sent, written under `sending`: one buffer and writer a socket, not one a message.
    private ArrayBufferWriter<byte> outgoing = new(OutgoingBytes);
    private Utf8JsonWriter? writer;
    private readonly ConcurrentDictionary<string, Operation> operations = new(StringComparer.Ordinal);
    private string? authorization;
    private Principal? caller;
    private ClaimsPrincipal? user;
    private bool initialised;
    private volatile bool closing;
    private Task credentialChecks = Task.CompletedTask;

    public GraphQLWebSocketSession(WebSocket socket, string? upgradeAuthorization, System.Net.IPAddress? address, IServiceProvider services, TransportOptions options, CancellationToken stopping)
    {
        (this.socket, authorization, this.address, this.options) = (socket, upgradeAuthorization, address, options);
        scopes = services.GetRequiredService<IServiceScopeFactory>();
        feed = services.GetRequiredService<IChangeFeed>();
        executer = services.GetRequiredService<IDocumentExecuter<DsoSchema>>();
        serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        rules = services.GetRequiredService<RequestRules>();
        logger = services.GetRequiredService<ILogger<GraphQLWebSocketSession>>();
        stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public static async Task CloseAsync(WebSocket socket, int code, string reason)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            // A close reason holds at most 123 bytes.
            var text = reason;
            while (Encoding.UTF8.GetByteCount(text) > 123)
            {
                text = text[..^1];
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, text, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client is gone already.
            }
        }
    }

    public async Task RunAsync()
    {
        var watchInit = WatchInitialisationAsync();
        try
        {
            // Once the server has closed, messages are ignored until the client's close frame answers.
            while (await ReceiveAsync() is { } message)
            {
                if (!closing)
                {
                    await HandleAsync(message);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away, or the server stops.
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll([watchInit, credentialChecks, .. operations.Values.Select(o => o.Running)]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
        sending.Dispose();
    }

    // One text message, or null when the client closed. Messages over the request size limit close the socket.
    private async Task<string?> ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(socket, (int)WebSocketCloseStatus.NormalClosure, "");
                return null;
            }

            buffer.Advance(result.Count);
            if (!closing && (buffer.WrittenCount > options.MaxRequestBytes || result.MessageType == WebSocketMessageType.Binary))
            {
                await CloseAsync(CloseCodes.BadRequest, result.MessageType == WebSocketMessageType.Binary
                    ? "Invalid message: send JSON text."
                    : $"Invalid message: larger than {options.MaxRequestBytes} bytes.");
            }

            if (closing)
            {
                buffer.ResetWrittenCount();
            }

            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
        }
    }

    private async Task HandleAsync(string text)
    {
        string? type, id;
        JsonElement payload;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            payload = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("payload", out var p) ? p.Clone() : default;
        }
        catch (JsonException)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message: not JSON.");
            return;
        }

        switch (type)
        {
            case "connection_init":
                await InitialiseAsync(payload);
                return;
            case "ping":
                await SendAsync("pong");
                return;
            case "pong":
                return;
            case "subscribe" when !initialised || caller is null:
                await CloseAsync(CloseCodes.Unauthorized, "Unauthorized");
                return;
            case "subscribe":
                await SubscribeAsync(id, payload);
                return;
            case "complete" when string.IsNullOrEmpty(id):
                await CloseAsync(CloseCodes.BadRequest, "Invalid message: complete needs an id.");
                return;
            case "complete":
                if (operations.TryRemove(id, out var operation))
                {
                    await operation.CancelAsync();
                }

                return;
            default:
                await CloseAsync(CloseCodes.BadRequest, $"Invalid message type '{type}'.");
                return;
        }
    }

    private async Task InitialiseAsync(JsonElement payload)
    {
        if (initialised)
        {
            await CloseAsync(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        initialised = true;
        if (payload.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in payload.EnumerateObject())
            {
                if (property.NameEquals("Authorization") || property.NameEquals("authorization"))
                {
                    authorization = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : "";
                }
            }
        }

        if (authorization is null)
        {
            await CloseAsync(CloseCodes.Forbidden, "Forbidden: send {\"Authorization\": \"Bearer <API key or token>\"} in connection_init.");
            return;
        }

        if (await AuthenticateAsync() is { } refused)
        {
            await CloseAsync(CloseCodes.Forbidden, "Forbidden: " + refused);
            return;
        }

        await SendAsync("connection_ack");
        credentialChecks = CheckCredentialsAsync();
    }

    // Null when the credentials name a user; why not otherwise.
    private async Task<string?> AuthenticateAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var (principal, error, _) = await scope.ServiceProvider.GetRequiredService<BearerCredentials>().AuthenticateAsync(authorization!, address, stop.Token);
        if (principal is null)
        {
            return error;
        }

        if (caller is not null && caller != principal)
        {
            return "your rights changed; connect again.";
        }

        (caller, user) = (principal, BearerAuthenticationHandler.ClaimsOf(principal));
        return null;
    }

    // Again whenever access changes in the organization (a key revoked, a user archived or given other roles,
    // committed by any process), and every CredentialCheckInterval (a token's expiry announces nothing).
    private async Task CheckCredentialsAsync()
    {
        using var accessChanges = feed.Watch(caller!.OrganizationId, EventTopic.AccessChanged, _ => true);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using (var interval = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
                {
                    interval.CancelAfter(options.CredentialCheckInterval);
                    try
                    {
                        await accessChanges.Changes.WaitToReadAsync(interval.Token);
                        while (accessChanges.Changes.TryRead(out _))
                        {
                        }
                    }
                    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                    {
                    }
                }

                // Off the fan-out's thread: the check reads the database.
                await Task.Yield();

                if (await AuthenticateAsync() is { } refused)
                {
                    await CloseAsync(CloseCodes.Forbidden, "Forbidden: " + refused);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WatchInitialisationAsync()
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, stop.Token);
            if (!initialised)
            {
                await CloseAsync(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SubscribeAsync(string? id, JsonElement payload)
    {
        if (string.IsNullOrEmpty(id) || payload.ValueKind != JsonValueKind.Object)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message: subscribe needs an id and a payload.");
            return;
        }

        GraphQLRequest request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText()) ?? throw new JsonException();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message: the payload is not a GraphQL request.");
            return;
        }

        if (operations.ContainsKey(id))
        {
            await CloseAsync(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (operations.Count >= options.MaxOperationsPerSocket)
        {
            await SendErrorsAsync(id, [new ExecutionError($"At most {options.MaxOperationsPerSocket} operations run at once on one connection.") { Code = "TOO_MANY_OPERATIONS" }]);
            return;
        }

        var operation = new Operation(scopes.CreateAsyncScope(), stop.Token);
        operations[id] = operation;
        operation.Running = Task.Run(() => RunAsync(id, request, operation));
    }

    private async Task RunAsync(string id, GraphQLRequest request, Operation operation)
    {
        try
        {
            var services = operation.Scope.ServiceProvider;
            await RequestPrincipal.EnterAsync(services, caller, operation.Token);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(operation.Token);
            timeout.CancelAfter(options.ExecutionTimeout);
            var result = await executer.ExecuteAsync(rules.Options(request, RequestTransport.WebSocket, services, user, timeout.Token));

            // Events run under the operation's own token, not the setup's timeout.
            timeout.CancelAfter(Timeout.InfiniteTimeSpan);
            if (!result.Executed || (result.Operation?.Operation == OperationType.Subscription && result.Streams is null))
            {
                await SendErrorsAsync(id, result.Errors ?? [], operation);
                return;
            }

            if (result.Streams?.Values.Single() is { } stream)
            {
                var events = stream as IAsyncEnumerable<ExecutionResult> ?? throw new InvalidOperationException("Subscriptions are served by ChangeSubscriptionStrategy.");
                await foreach (var next in events.WithCancellation(operation.Token))
                {
                    await SendAsync("next", id, Subscriptions.SerializedResult.Bytes(next, serializer), operation);
                }
            }
            else
            {
                services.GetRequiredService<RequestCost>().Report(result);
                await SendAsync("next", id, Encoding.UTF8.GetBytes(serializer.Serialize(result)), operation);
            }

            await SendAsync("complete", id, null, operation);
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            // The client completed the operation or left.
        }
        catch (Exception e) when (e is WebSocketException || (e is IOException && stop.IsCancellationRequested))
        {
            // The socket is gone.
        }
        catch (Exception e)
        {
            LogFailure(logger, e);
            await CloseAsync(CloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            operations.TryRemove(KeyValuePair.Create(id, operation));
            await operation.DisposeAsync();
        }
    }

    private Task SendErrorsAsync(string id, IEnumerable<ExecutionError> errors, Operation? operation = null)
    {
        using var document = JsonDocument.Parse(serializer.Serialize(new ExecutionResult { Errors = [.. errors] }));
        var list = document.RootElement.TryGetProperty("errors", out var e) ? e.GetRawText() : "[]";
        return SendAsync("error", id, Encoding.UTF8.GetBytes(list), operation);
    }

    private Task SendAsync(string type) => SendAsync(type, null, null, null);

    // One message at a time on the socket; nothing more for an operation the client completed. The payload is JSON
    // as UTF-8, written as it is.
    private async Task SendAsync(string type, string? id, ReadOnlyMemory<byte>? payload, Operation? operation)
    {
        await sending.WaitAsync(stop.Token);
        try
        {
            if (operation?.Token.IsCancellationRequested == true || socket.State != WebSocketState.Open)
            {
                return;
            }

            outgoing.ResetWrittenCount();
            var json = writer ??= new Utf8JsonWriter(outgoing, WriterOptions);
            json.Reset(outgoing);
            json.WriteStartObject();
            json.WriteString("type", type);
            if (id is not null)
            {
                json.WriteString("id", id);
            }

            if (payload is { } raw)
            {
                json.WritePropertyName("payload");
                json.WriteRawValue(raw.Span, skipInputValidation: true);
            }

            json.WriteEndObject();
            json.Flush();
            await socket.SendAsync(outgoing.WrittenMemory, WebSocketMessageType.Text, true, stop.Token);
            if (outgoing.Capacity > MaxKeptOutgoingBytes)
            {
                // A large answer's buffer is not kept by a socket that may then idle for hours.
                (outgoing, writer) = (new ArrayBufferWriter<byte>(OutgoingBytes), null);
            }
        }
        finally
        {
            sending.Release();
        }
    }

    // Stops every operation and sends the close frame; the session ends when the client answers it (or in 2 s).
    private async Task CloseAsync(int code, string reason)
    {
        closing = true;
        foreach (var operation in operations.Values)
        {
            await operation.CancelAsync();
        }

        try
        {
            await sending.WaitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await CloseAsync(socket, code, reason);
        }
        finally
        {
            sending.Release();
            stop.CancelAfter(TimeSpan.FromSeconds(2));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL operation over WebSocket failed; the socket is closed with 4500.")]
    private static partial void LogFailure(ILogger logger, Exception exception);

    /// <summary>An operation in progress: its scope, and the token its client can cancel by completing it.</summary>
    private sealed class Operation(AsyncServiceScope scope, CancellationToken session) : IAsyncDisposable
    {
        private readonly CancellationTokenSource cancel = CancellationTokenSource.CreateLinkedTokenSource(session);

        public AsyncServiceScope Scope { get; } = scope;

        public CancellationToken Token => cancel.Token;

        public Task Running { get; set; } = Task.CompletedTask;

        public Task CancelAsync() => cancel.CancelAsync();

        public async ValueTask DisposeAsync()
        {
            await Scope.DisposeAsync();
            cancel.Dispose();
        }
    }
}
