using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dso.Domain;

/// <summary>
/// Registers every use case of the domain (a sealed class with an ExecuteAsync method) as a scoped service, the
/// event handlers, and this process as a worker.
/// </summary>
public static class DomainServiceCollectionExtensions
{
    public static IServiceCollection AddDsoDomain(this IServiceCollection services)
    {
        services.AddOptions<DomainOptions>();
        services.AddSingleton(sp => new Work.Worker(sp.GetRequiredService<IOptions<DomainOptions>>().Value.LeaseDuration));
        services.AddSingleton<Events.IChangeFeed, Events.InProcessChangeFeed>(_ => new Events.InProcessChangeFeed());
        services.AddSingleton<Events.ChangeFanOut>();
        services.AddScoped<Events.IEventProcessor, Alerts.RaiseNewDispute>();
        services.AddScoped<Events.IEventProcessor, Alerts.EvaluateAlertsOnChange>();
        services.AddScoped<Events.IEventProcessor, Risk.ScoreRiskOnChange>();
        var useCases = typeof(DomainServiceCollectionExtensions).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsSealed: true, IsAbstract: false, IsGenericType: false } && t.GetMethod("ExecuteAsync") is not null);
        foreach (var useCase in useCases)
        {
            services.AddScoped(useCase);
        }

        return services;
    }
}
