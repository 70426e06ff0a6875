using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dso.Connectors.Testing;

/// <summary>
/// A fake ERP on a loopback port (a real Kestrel server, real HTTP): each path answers with its handler, and a test
/// can put scripted answers in front (<see cref="Enqueue"/>: a 401, a 429 with <c>Retry-After</c>, a 500, a slow
/// page), taken once each, in order. Every request is kept in <see cref="Requests"/>.
/// </summary>
public sealed class FakeErpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedAnswer>> scripts = new(StringComparer.Ordinal);

    private FakeErpServer(WebApplication app) => this.app = app;

    /// <summary>The server's root, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The requests received so far: method, path and query.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeErpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeErpServer(builder.Build());
        server.app.Run(server.AnswerAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers every request to <paramref name="path"/> (the path only, no query) with <paramref name="handler"/>.</summary>
    /// <param name="path">The request path, starting with a slash.</param>
    /// <param name="handler">Writes the answer.</param>
    public void Map(string path, Func<HttpContext, Task> handler) => handlers[path] = handler;

    /// <summary>Answers the next request to <paramref name="path"/> with this, once, before its handler answers again.</summary>
    /// <param name="path">The request path.</param>
    /// <param name="answer">The scripted answer.</param>
    public void Enqueue(string path, ScriptedAnswer answer) => scripts.GetOrAdd(path, _ => new()).Enqueue(answer);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.Enqueue($"{context.Request.Method} {path}{context.Request.QueryString}");
        if (scripts.TryGetValue(path, out var queue) && queue.TryDequeue(out var scripted))
        {
            await scripted.WriteAsync(context);
            return;
        }

        if (handlers.TryGetValue(path, out var handler))
        {
            await handler(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}

/// <summary>An answer a test scripts: a status, headers, a body, and how long to wait before sending it.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body (JSON, usually).</param>
/// <param name="Delay">How long the server waits before answering (a slow page).</param>
/// <param name="Headers">Extra headers, such as <c>Retry-After</c>.</param>
public sealed record ScriptedAnswer(int Status, string Body = "", TimeSpan Delay = default, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>429 Too Many Requests with <c>Retry-After</c> in seconds.</summary>
    /// <param name="seconds">The Retry-After value.</param>
    public static ScriptedAnswer TooManyRequests(int seconds) => new(429, "{\"error\":\"rate limited\"}", default, new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    internal async Task WriteAsync(HttpContext context)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        context.Response.StatusCode = Status;
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Body, context.RequestAborted);
    }
}
