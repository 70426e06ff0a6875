using Coravel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Dso.Api.Plugins;

/// <summary>Wires the connector host: the plug-in catalog, sealed secrets, the sessions, the sync workers and the schedule.</summary>
public static class PluginServices
{
    public const string HttpClientName = "dso-connectors";

    public static IServiceCollection AddDsoPlugins(this IServiceCollection services)
    {
        services.AddOptions<PluginOptions>().BindConfiguration(PluginOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConnectorCatalog>();
        services.AddDataProtection().SetApplicationName("Dso");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        services.AddSingleton<SecretSeal>();
        // The handler is pooled and shared by every connection: it keeps no cookies (a session cookie is one
        // connection's, kept by its plug-in) and follows no redirects (a login page is an answer, not a detour).
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(2))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        services.AddSingleton<ConnectorSessions>();
        services.AddSingleton<Jobs.SyncSignal>();
        services.AddHostedService<Jobs.SyncWorker>();
        services.AddTransient<Jobs.SyncScheduleJob>();
        return services;
    }

    public static void UseDsoPlugins(this IServiceProvider services)
    {
        // Loaded now rather than at the first request: what loaded or was refused is in the log at start.
        services.GetRequiredService<ConnectorCatalog>();
        services.UseScheduler(s => s.Schedule<Jobs.SyncScheduleJob>().EveryMinute().PreventOverlapping(nameof(Jobs.SyncScheduleJob)));
    }
}
