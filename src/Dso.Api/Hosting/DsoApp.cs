using Coravel;
using Dso.Api.Exports;
using Dso.Api.GraphQL.Transport;
using Dso.Api.Portal;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Dso.Api.Hosting;

/// <summary>The web host: services, then the pipeline (health, IDE, GraphQL).</summary>
public static class DsoApp
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Select(a => a == "--seed-demo" ? "--Dso:Demo:Seed=true" : a).ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Each endpoint sets its own limit below this: JSON requests 8 MiB, multipart uploads the import limit.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1L << 30);
        builder.AddDso();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseAuthentication();
        app.MapHealthChecks("/healthz", new HealthCheckOptions());
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value == "/graphiql")
            {
                context.Response.Redirect("/graphiql/");
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseWebSockets();
        app.Map(GraphQLSseEndpoint.Path, (HttpContext context, GraphQLSseEndpoint stream) => stream.HandleAsync(context));
        app.Map("/graphql", (HttpContext context, GraphQLHttpEndpoint http, GraphQLWebSocketEndpoint webSocket) =>
            context.WebSockets.IsWebSocketRequest ? webSocket.HandleAsync(context) : http.HandleAsync(context));
        app.MapExports();
        app.UseRateLimiter();
        app.MapPortal();
        Plugins.PluginServices.UseDsoPlugins(app.Services);
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Messaging.MessagingOptions>>().Value is { Dispatch: true } outbox)
        {
            app.Services.UseScheduler(s => s.Schedule<Jobs.OutboxJob>().EverySeconds((int)outbox.DispatchInterval.TotalSeconds).PreventOverlapping(nameof(Jobs.OutboxJob)));
        }

        if (app.Configuration.GetValue("Dso:Scenarios:MorningRun", true))
        {
            app.Services.UseScheduler(s => s.Schedule<Jobs.ScenarioMorningJob>().EveryMinute().PreventOverlapping(nameof(Jobs.ScenarioMorningJob)));
        }

        return app;
    }
}
