using Dso.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Persistence;

/// <summary>Registers the store for one provider.</summary>
public static class PersistenceServiceCollectionExtensions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/dso.db";

    public static IServiceCollection AddDsoPersistence(this IServiceCollection services, string provider, string? connectionString)
    {
        if (!string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Dso:Database:Provider '{provider}' is not available in this version; use 'Sqlite'.");
        }

        var connection = connectionString ?? DefaultSqliteConnectionString;
        EnsureDirectory(connection);
        services.AddScoped<Tenant>();
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<SqliteStatementCache>();
        services.AddSingleton<Audit.AuditInterceptor>();
        services.AddSingleton<Events.EventSignal>();
        services.AddSingleton<Events.EventRecorder>();
        services.AddScoped<DatabaseMaintenance>();
        services.AddDbContext<DsoDbContext>((sp, options) => options
            .UseSqlite(connection, sqlite => sqlite
                .MigrationsAssembly(typeof(DsoDbContext).Assembly.GetName().Name)
                .MigrationsHistoryTable("__Migrations")
                // One statement a command, so that each entity's insert and update keeps one text, compiled once (SqliteStatementCache).
                .MaxBatchSize(1))
            // SQLite rebuilds a table to drop a column outside the migration's transaction (EventsAndLeases): expected, not worth a warning on every fresh database.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning))
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>(), sp.GetRequiredService<SqliteStatementCache>(), sp.GetRequiredService<Audit.AuditInterceptor>(), sp.GetRequiredService<Events.EventRecorder>())
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        return services;
    }

    private static void EnsureDirectory(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(directory);
        }
    }
}
