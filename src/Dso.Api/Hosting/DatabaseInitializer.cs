using Dso.Domain.Demo;
using Dso.Domain.Persistence;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dso.Api.Hosting;

/// <summary>
/// Start-up work before the API listens: migrations, the bootstrap key, the demo data. A database another process
/// is writing to (an import on the command line, another instance migrating) is waited for, with a log line each
/// time, for up to <c>Dso:Database:StartTimeout</c>; it never stops the start by itself.
/// </summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        // Wall-clock time: how long the process itself waits, whatever clock the business rules run on.
        var clock = TimeProvider.System;
        var until = clock.GetUtcNow() + services.GetRequiredService<IOptions<DatabaseOptions>>().Value.StartTimeout;
        var attempt = 0;
        while (true)
        {
            try
            {
                // SQLite waits for a busy database by itself, blocking its thread (busy_timeout, EF's migration lock): say so while it does.
                var work = Task.Run(() => InitializeOnceAsync(services, cancellationToken), cancellationToken);
                while (await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(3), clock, cancellationToken)) != work)
                {
                    LogBusy(logger, ++attempt);
                }

                await work;
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 5 or 6 && clock.GetUtcNow() < until)
            {
                LogBusy(logger, ++attempt);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken);
            }
        }
    }

    private static async Task InitializeOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
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
            var (demo, key) = await provider.GetRequiredService<SeedDemo>().ExecuteAsync(cancellationToken);
            var id = GraphQL.Common.GlobalId.Encode("Organization", demo.Id);
            // The key is shown once, as the admin needs it for the first query; a lost one is replaced by a new one.
            await Console.Out.WriteLineAsync(key is not null
                ? $"Demo organization '{SeedDemo.Name}' created (id {id}). Admin API key: {key}"
                : $"Demo organization '{SeedDemo.Name}' (id {id}) already exists; its data was left as it is. Its key is shown only when it is created: for a new one, run  dotnet run --project src/Dso.Api -- admin create-api-key --organization {id} --role ADMIN");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database has kept start-up waiting ({Attempt}): another process may hold it; start-up goes on waiting.")]
    private static partial void LogBusy(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "The bootstrap API key is ready.")]
    private static partial void LogBootstrapReady(ILogger logger);
}
