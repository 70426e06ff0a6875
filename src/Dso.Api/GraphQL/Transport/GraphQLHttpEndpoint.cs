using System.Text;
using Dso.Api.Auth;
using Dso.Api.GraphQL.Authorization;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Limits;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace Dso.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP (POST and GET on /graphql). Request-shape errors are 4xx before anything runs;
/// documents that do not parse or validate are 400 under graphql-response+json and 200 under
/// application/json (what graphql-http's audit checks); executed requests are 200.
/// </summary>
public sealed partial class GraphQLHttpEndpoint(
    IDocumentExecuter<DsoSchema> executer,
    IGraphQLTextSerializer serializer,
    GraphQLRequestReader reader,
    IOptions<TransportOptions> options,
    RequestRules rules,
    IOptions<Dso.Domain.DomainOptions> domain,
    ILogger<GraphQLHttpEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        if (!HttpMethods.IsGet(http.Method) && !HttpMethods.IsPost(http.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WritePlainAsync(context, StatusCodes.Status405MethodNotAllowed, "GraphQL is served over GET and POST.");
            return;
        }

        var mediaType = MediaTypes.Negotiate(http.Headers.Accept);
        if (mediaType is null)
        {
            await WritePlainAsync(context, StatusCodes.Status406NotAcceptable, $"Accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            return;
        }

        if (context.Features.Get<CredentialsRejected>() is { } rejected)
        {
            await WriteRejectedAsync(context, rejected);
            return;
        }

        // Who asks is known before the body is read: callers without credentials may only introspect.
        var anonymous = context.User.Identity?.IsAuthenticated != true;
        if (anonymous && MediaTypes.IsMultipart(http.ContentType))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Uploads need an API key or token: send 'Authorization: Bearer <API key or token>'.", "UNAUTHENTICATED");
            return;
        }

        GraphQLRequest request;
        try
        {
            request = HttpMethods.IsGet(http.Method)
                ? reader.ReadGet(http)
                : await reader.ReadPostAsync(http, anonymous ? options.Value.AnonymousMaxRequestBytes : options.Value.MaxRequestBytes, domain.Value.MaxImportFileBytes + (1 << 20), context.RequestAborted);
        }
        catch (BadGraphQLRequestException e)
        {
            await WriteErrorAsync(context, e.Status, e.Message, "BAD_REQUEST");
            return;
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e)
        {
            await WriteErrorAsync(context, e.StatusCode, e.Message, "BAD_REQUEST");
            return;
        }

        await RequestPrincipal.EnterAsync(context.RequestServices, context.User.ToPrincipal(), context.RequestAborted);

        var transport = HttpMethods.IsGet(http.Method) ? RequestTransport.HttpGet : RequestTransport.HttpPost;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.Value.ExecutionTimeout);
        var result = await executer.ExecuteAsync(rules.Options(request, transport, context.RequestServices, context.User, timeout.Token));

        context.RequestServices.GetRequiredService<RequestCost>().Report(result);

        context.Response.StatusCode = StatusOf(result, mediaType, context.Response.Headers);
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
        if (context.Response.StatusCode >= 500)
        {
            LogFailure(logger, string.Join("; ", result.Errors?.Select(e => e.Message) ?? []));
        }
    }

    private static int StatusOf(ExecutionResult result, string mediaType, IHeaderDictionary headers)
    {
        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        var errors = result.Errors ?? [];
        if (errors.OfType<ThrottledError>().FirstOrDefault() is { } throttled)
        {
            headers.RetryAfter = ((int)throttled.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return StatusCodes.Status429TooManyRequests;
        }

        if (errors.Any(e => e is MethodNotAllowedError))
        {
            headers.Allow = "POST";
            return StatusCodes.Status405MethodNotAllowed;
        }

        if (errors.Any(e => e is AuthenticationRequiredError))
        {
            headers.WWWAuthenticate = "Bearer";
            return StatusCodes.Status401Unauthorized;
        }

        if (errors.Any(e => e is AccessDeniedError))
        {
            return StatusCodes.Status403Forbidden;
        }

        if (errors.All(e => e is DocumentError))
        {
            return mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        }

        return StatusCodes.Status500InternalServerError;
    }

    // Errors that prevent a well-formed GraphQL request: application/json, never graphql-response+json.
    private async Task WriteErrorAsync(HttpContext context, int status, string message, string code)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaTypes.Json + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private async Task WriteRejectedAsync(HttpContext context, CredentialsRejected rejected)
    {
        if (rejected.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, rejected.Reason, "THROTTLED");
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, rejected.Reason, "UNAUTHENTICATED");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL request failed before execution: {Errors}")]
    private static partial void LogFailure(ILogger logger, string errors);

    internal static async Task WritePlainAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(message), context.RequestAborted);
    }
}
