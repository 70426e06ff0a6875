using Dso.Domain.Events;
using Dso.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace Dso.Api.Jobs;

/// <summary>
/// Reads the event log in two loops: one delivers every committed event to this process's subscribers
/// (<see cref="ChangeFanOut"/>), the other hands them to the durable handlers (<see cref="DispatchEvents"/>). Woken at
/// once by this process's own commits, both poll every <c>Dso:Events:PollInterval</c> for those of other processes.
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

    // Two loops: the subscribers hear of an event as soon as it is read, whatever the handlers are doing.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        LoopAsync(signal.WaitForFanOutAsync, sp => fanOut.DeliverAsync(sp.GetRequiredService<DsoDbContext>(), stoppingToken), stoppingToken),
        options.Value.Dispatch ? LoopAsync(signal.WaitForHandlersAsync, sp => sp.GetRequiredService<DispatchEvents>().ExecuteAsync(stoppingToken), stoppingToken) : Task.CompletedTask);

    private async Task LoopAsync(Func<TimeSpan, CancellationToken, Task<bool>> wait, Func<IServiceProvider, Task> turn, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await turn(scope.ServiceProvider);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy database (another process writing) included: the events wait in the log.
                LogFailure(logger, e);
            }

            await wait(options.Value.PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the event log failed; it is tried again.")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
