using System.Net.WebSockets;
using Dso.Api.Auth;
using Microsoft.Extensions.Options;

namespace Dso.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over WebSocket on /graphql, protocol <c>graphql-transport-ws</c> (the graphql-ws library's): accepts
/// the upgrade and runs one <see cref="GraphQLWebSocketSession"/> per socket until either side closes or the
/// application stops.
/// </summary>
public sealed class GraphQLWebSocketEndpoint(IServiceProvider services, IOptions<TransportOptions> options, IHostApplicationLifetime lifetime)
{
    public const string Protocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext context)
    {
        if (context.Features.Get<CredentialsRejected>() is { } rejected)
        {
            // Credentials on the upgrade request itself were refused: no socket.
            context.Response.StatusCode = rejected.RetryAfter is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status429TooManyRequests;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.Response.WriteAsync(rejected.Reason, context.RequestAborted);
            return;
        }

        var offered = context.WebSockets.WebSocketRequestedProtocols.Contains(Protocol);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(offered ? Protocol : null);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        if (!offered)
        {
            await GraphQLWebSocketSession.CloseAsync(socket, CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable: use graphql-transport-ws.");
            return;
        }

        var upgradeAuthorization = context.User.ToPrincipal() is null ? null : (string?)context.Request.Headers.Authorization;
        await using var session = new GraphQLWebSocketSession(socket, upgradeAuthorization, context.Connection.RemoteIpAddress, services, options.Value, stop.Token);
        await session.RunAsync();
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            await GraphQLWebSocketSession.CloseAsync(socket, (int)WebSocketCloseStatus.EndpointUnavailable, "The server is stopping.");
        }
    }
}

/// <summary>The close codes of graphql-transport-ws that the server sends.</summary>
public static class CloseCodes
{
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
    public const int InternalServerError = 4500;
}
