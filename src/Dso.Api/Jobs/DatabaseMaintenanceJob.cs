using Dso.Domain.Persistence;

namespace Dso.Api.Jobs;

/// <summary>
/// Every few minutes: keeps the database's planner statistics fresh while data grows (a no-op when nothing changed
/// much) and prunes the events every handler has handled once they are past their retention.
/// </summary>
public sealed partial class DatabaseMaintenanceJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DatabaseMaintenanceJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<DatabaseMaintenance>().OptimizeAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Dso.Domain.Events.PruneEvents>().ExecuteAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailure(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database maintenance failed; it will be tried again.")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
