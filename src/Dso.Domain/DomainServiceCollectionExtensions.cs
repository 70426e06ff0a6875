using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain;

/// <summary>Registers every use case of the domain (a sealed class with an ExecuteAsync method) as a scoped service.</summary>
public static class DomainServiceCollectionExtensions
{
    public static IServiceCollection AddDsoDomain(this IServiceCollection services, Imports.ImportStorage? importStorage = null)
    {
        services.AddSingleton(importStorage ?? new Imports.ImportStorage("data/imports", 512L * 1024 * 1024));
        var useCases = typeof(DomainServiceCollectionExtensions).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsSealed: true, IsAbstract: false, IsGenericType: false } && t.GetMethod("ExecuteAsync") is not null);
        foreach (var useCase in useCases)
        {
            services.AddScoped(useCase);
        }

        return services;
    }
}
