using Dso.Domain.Demo;
using Dso.Domain.Persistence;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dso.Api.Hosting;

/// <summary>Start-up work before the API listens: migrations, the bootstrap key, the demo data.</summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        if (provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await provider.GetRequiredService<DsoDbContext>().Database.MigrateAsync(cancellationToken);
        }

        await provider.GetRequiredService<DatabaseMaintenance>().PrepareAsync(cancellationToken);

        var options = provider.GetRequiredService<IOptions<DsoOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.BootstrapApiKey))
        {
            await provider.GetRequiredService<EnsureBootstrapApiKey>().ExecuteAsync(options.BootstrapApiKey, cancellationToken);
            LogBootstrapReady(logger);
        }

        if (options.SeedDemo)
        {
            var created = await provider.GetRequiredService<SeedDemo>().ExecuteAsync(cancellationToken);
            if (created is not null)
            {
                // Shown once, as the admin needs it for the first query.
                await Console.Out.WriteLineAsync($"Demo organization '{SeedDemo.Name}' created. Admin API key: {created.ApiKey}");
            }
            else
            {
                LogDemoExists(logger);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The bootstrap API key is ready.")]
    private static partial void LogBootstrapReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The demo organization already exists; its data was left as it is.")]
    private static partial void LogDemoExists(ILogger logger);
}
