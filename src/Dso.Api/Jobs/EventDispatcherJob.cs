using Dso.Domain.Events;
using Dso.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace Dso.Api.Jobs;

/// <summary>
/// Reads the event log: delivers every committed event to this process's subscribers (<see cref="ChangeFanOut"/>),
/// then hands them to the durable handlers (<see cref="DispatchEvents"/>). Woken at once by this process's own
/// commits, it polls every <c>Dso:Events:PollInterval</c> for those of other processes.
/// </summary>
public sealed partial class EventDispatcherJob(IServiceScopeFactory scopes, ChangeFanOut fanOut, EventSignal signal, IOptions<EventOptions> options, ILogger<EventDispatcherJob> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server listens: subscribers hear of everything committed from now on.
        await using (var scope = scopes.CreateAsyncScope())
        {
            await fanOut.StartAsync(scope.ServiceProvider.GetRequiredService<DsoDbContext>(), cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await fanOut.DeliverAsync(scope.ServiceProvider.GetRequiredService<DsoDbContext>(), stoppingToken);
                if (options.Value.Dispatch)
                {
                    await scope.ServiceProvider.GetRequiredService<DispatchEvents>().ExecuteAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy database (another process writing) included: the events wait in the log.
                LogFailure(logger, e);
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the event log failed; it is tried again.")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
