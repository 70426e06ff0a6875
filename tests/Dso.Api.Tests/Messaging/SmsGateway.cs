using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dso.Api.Tests.Messaging;

/// <summary>
/// A fake SMS gateway on a loopback port (real Kestrel): it keeps what it is sent (path, headers, body), answers 201,
/// and refuses with a 400 any number ending in 0000 (as a gateway refuses a number it cannot reach).
/// </summary>
public sealed class SmsGateway : IAsyncDisposable
{
    private readonly WebApplication app;

    private SmsGateway(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string Path, string? Authorization, string ContentType, string Body)> Received { get; } = new();

    public static async Task<SmsGateway> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new SmsGateway(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            gateway.Received.Enqueue((context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), context.Request.ContentType ?? "", body));
            return body.Contains("0000\"", StringComparison.Ordinal) || body.Contains("0000&", StringComparison.Ordinal)
                ? Results.Json(new { code = 21211, message = "The 'To' number is not a valid phone number." }, statusCode: 400)
                : Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" }, statusCode: 201);
        });
        await app.StartAsync();
        return gateway;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
