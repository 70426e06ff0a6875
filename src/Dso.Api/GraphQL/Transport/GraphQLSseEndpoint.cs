using System.Collections.Concurrent;
using System.Text;
using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Limits;
using Dso.Domain.Events;
using Dso.Domain.Users;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace Dso.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over Server-Sent Events on POST /graphql/stream, the graphql-sse protocol's distinct connections mode,
/// for clients that cannot open a WebSocket: one operation per request, authenticated by its Authorization header,
/// run with the WebSocket's rules (subscriptions included); each result is a <c>next</c> event, the end a
/// <c>complete</c> one, and errors before execution are a <c>next</c> event too. A subscription runs until the client
/// closes the connection; its credentials are checked again as a WebSocket's are, and refused ones end the stream
/// with an error. An idle stream sends a comment every <see cref="TransportOptions.StreamKeepAlive"/>.
/// </summary>
public sealed partial class GraphQLSseEndpoint(
    IDocumentExecuter<DsoSchema> executer,
    IGraphQLTextSerializer serializer,
    GraphQLRequestReader reader,
    IOptions<TransportOptions> options,
    RequestRules rules,
    IChangeFeed feed,
    IHostApplicationLifetime lifetime,
    ILogger<GraphQLSseEndpoint> logger)
{
    public const string Path = "/graphql/stream";
    public const string EventStream = "text/event-stream";

    private readonly ConcurrentDictionary<string, int> streams = new(StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        if (!HttpMethods.IsPost(http.Method))
        {
            context.Response.Headers.Allow = "POST";
            await GraphQLHttpEndpoint.WritePlainAsync(context, StatusCodes.Status405MethodNotAllowed, "GraphQL over SSE is served over POST.");
            return;
        }

        if (!http.Headers.Accept.Any(a => a?.Contains(EventStream, StringComparison.OrdinalIgnoreCase) == true))
        {
            await GraphQLHttpEndpoint.WritePlainAsync(context, StatusCodes.Status406NotAcceptable, $"Accept {EventStream}.");
            return;
        }

        if (context.Features.Get<CredentialsRejected>() is { } rejected)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await GraphQLHttpEndpoint.WritePlainAsync(context, rejected.RetryAfter is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status429TooManyRequests, rejected.Reason);
            return;
        }

        var principal = context.User.ToPrincipal();
        if (principal is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await GraphQLHttpEndpoint.WritePlainAsync(context, StatusCodes.Status401Unauthorized, "Event streams need an API key or token: send 'Authorization: Bearer <API key or token>'.");
            return;
        }

        if (MediaTypes.IsMultipart(http.ContentType))
        {
            await GraphQLHttpEndpoint.WritePlainAsync(context, StatusCodes.Status415UnsupportedMediaType, "Send the operation as JSON; uploads go to /graphql.");
            return;
        }

        GraphQLRequest request;
        try
        {
            request = await reader.ReadPostAsync(http, options.Value.MaxRequestBytes, 0, context.RequestAborted);
        }
        catch (Exception e) when (e is BadGraphQLRequestException or Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            await GraphQLHttpEndpoint.WritePlainAsync(context, (e as BadGraphQLRequestException)?.Status ?? ((Microsoft.AspNetCore.Http.BadHttpRequestException)e).StatusCode, e.Message);
            return;
        }

        var caller = principal.Credential ?? "user:" + principal.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (streams.AddOrUpdate(caller, 1, (_, n) => n + 1) > options.Value.MaxStreamsPerCaller)
        {
            Leave(caller);
            await GraphQLHttpEndpoint.WritePlainAsync(context, StatusCodes.Status429TooManyRequests, $"At most {options.Value.MaxStreamsPerCaller} event streams are open at once per caller.");
            return;
        }

        try
        {
            await StreamAsync(context, request, principal);
        }
        finally
        {
            Leave(caller);
        }
    }

    private async Task StreamAsync(HttpContext context, GraphQLRequest request, Principal principal)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = EventStream + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        // The headers go out at once: a client knows the stream is open before the first event.
        await response.StartAsync(stop.Token);
        await response.Body.FlushAsync(stop.Token);
        using var sending = new SemaphoreSlim(1, 1);
        var keepAlive = KeepAliveAsync(response, sending, stop.Token);
        var checks = CheckCredentialsAsync(context, principal, response, sending, stop);
        try
        {
            await RequestPrincipal.EnterAsync(context.RequestServices, principal, stop.Token);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            timeout.CancelAfter(options.Value.ExecutionTimeout);
            var result = await executer.ExecuteAsync(rules.Options(request, RequestTransport.WebSocket, context.RequestServices, context.User, timeout.Token));
            timeout.CancelAfter(Timeout.InfiniteTimeSpan);
            if (result.Streams?.Values.SingleOrDefault() is { } stream && result.Executed)
            {
                var events = stream as IAsyncEnumerable<ExecutionResult> ?? throw new InvalidOperationException("Subscriptions are served by ChangeSubscriptionStrategy.");
                await foreach (var next in events.WithCancellation(stop.Token))
                {
                    await SendAsync(response, sending, "next", Subscriptions.SerializedResult.Text(next, serializer), stop.Token);
                }
            }
            else
            {
                context.RequestServices.GetRequiredService<RequestCost>().Report(result);
                await SendAsync(response, sending, "next", serializer.Serialize(result), stop.Token);
            }

            await SendAsync(response, sending, "complete", "", stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client closed the stream, the credentials were refused, or the server stops.
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The connection is gone.
        }
        catch (Exception e)
        {
            LogFailure(logger, e);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(keepAlive, checks);
        }
    }

    // Again on every change of access in the organization, and every CredentialCheckInterval, as a WebSocket's.
    private async Task CheckCredentialsAsync(HttpContext context, Principal principal, HttpResponse response, SemaphoreSlim sending, CancellationTokenSource stop)
    {
        using var accessChanges = feed.Watch(principal.OrganizationId, EventTopic.AccessChanged, _ => true);
        var authorization = (string)context.Request.Headers.Authorization!;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using (var interval = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
                {
                    interval.CancelAfter(options.Value.CredentialCheckInterval);
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

                await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                var (again, error, _) = await scope.ServiceProvider.GetRequiredService<BearerCredentials>().AuthenticateAsync(authorization, context.Connection.RemoteIpAddress, stop.Token);
                if (again != principal)
                {
                    var refused = new ExecutionResult { Errors = [new ExecutionError("Forbidden: " + (again is null ? error : "your rights changed; connect again.")) { Code = "FORBIDDEN" }] };
                    await SendAsync(response, sending, "next", serializer.Serialize(refused), stop.Token);
                    await SendAsync(response, sending, "complete", "", stop.Token);
                    await stop.CancelAsync();
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    private async Task KeepAliveAsync(HttpResponse response, SemaphoreSlim sending, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.StreamKeepAlive);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await WriteAsync(response, sending, ":\n\n", cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    private static Task SendAsync(HttpResponse response, SemaphoreSlim sending, string type, string data, CancellationToken cancellationToken) =>
        WriteAsync(response, sending, $"event: {type}\ndata: {data}\n\n", cancellationToken);

    // One event at a time on the stream, flushed at once.
    private static async Task WriteAsync(HttpResponse response, SemaphoreSlim sending, string text, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }

    private void Leave(string caller)
    {
        if (streams.AddOrUpdate(caller, 0, (_, n) => n - 1) <= 0)
        {
            streams.TryRemove(KeyValuePair.Create(caller, 0));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL operation over SSE failed; the stream is closed.")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
