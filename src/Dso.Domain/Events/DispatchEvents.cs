using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Dso.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dso.Domain.Events;

/// <summary>
/// Hands the events committed since each durable handler's position to it, in commit order. A handler's position
/// is held by one worker at a time (a lease, renewed with each advance), and each event is handled in a
/// transaction that also advances the position: a process killed in between replays the event, and the
/// effect is written once. An event that fails <see cref="MaxFailures"/> times in a row is passed over, with its
/// error kept on the position, so one bad event cannot stop a handler for good.
/// </summary>
public sealed partial class DispatchEvents(DsoDbContext db, IEnumerable<IEventProcessor> handlers, IServiceScopeFactory scopes, Worker worker, TimeProvider clock, ILogger<DispatchEvents> logger)
{
    public const int BatchSize = 200;
    public const int MaxFailures = 5;

    /// <summary>Runs every handler over the events waiting for it; returns how many events were handled.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var newest = await db.Events.IgnoreQueryFilters().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var handled = 0;
        foreach (var handler in handlers)
        {
            handled += await RunAsync(handler, newest, cancellationToken);
        }

        return handled;
    }

    private async Task<int> RunAsync(IEventProcessor handler, long newest, CancellationToken cancellationToken)
    {
        var consumers = db.EventConsumers.Where(c => c.Name == handler.Name);
        if (await PositionAsync(handler.Name, cancellationToken) >= newest ||
            await Leases.ClaimAsync(consumers, worker, clock.GetUtcNow(), cancellationToken) == 0)
        {
            return 0;
        }

        var handled = 0;
        for (var position = await PositionAsync(handler.Name, cancellationToken); position < newest;)
        {
            var after = position;
            var events = await db.Events.IgnoreQueryFilters().AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (events.Count == 0)
            {
                break;
            }

            foreach (var domainEvent in events)
            {
                if (handler.Handles(domainEvent.Topic))
                {
                    if (!await HandleAsync(handler.Name, domainEvent, cancellationToken))
                    {
                        return handled;
                    }

                    handled++;
                }

                position = domainEvent.Id;
            }

            // The events it does not handle are passed over in one step.
            await AdvanceAsync(db, handler.Name, position, cancellationToken);
        }

        return handled;
    }

    /// <summary>False when the event failed and is to be tried again on the next round.</summary>
    private async Task<bool> HandleAsync(string name, DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Enter(domainEvent.OrganizationId);
        var context = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
        var handler = scope.ServiceProvider.GetServices<IEventProcessor>().Single(h => h.Name == name);
        await using (var transaction = await context.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await handler.HandleAsync(domainEvent, cancellationToken);
                await AdvanceAsync(context, name, domainEvent.Id, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException and not LeaseLostException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return await FailedAsync(name, domainEvent, e);
            }
        }
    }

    private async Task<bool> FailedAsync(string name, DomainEvent domainEvent, Exception error)
    {
        var consumers = db.EventConsumers.Where(c => c.Name == name && c.ClaimedBy == worker.Name);
        var message = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        await consumers.ExecuteUpdateAsync(s => s.SetProperty(c => c.Failures, c => c.Failures + 1).SetProperty(c => c.LastError, $"Event {domainEvent.Id}: {message}"), CancellationToken.None);
        var failures = await consumers.Select(c => c.Failures).SingleOrDefaultAsync(CancellationToken.None);
        LogFailure(logger, name, domainEvent.Id, failures, error);
        if (failures < MaxFailures)
        {
            return false;
        }

        await consumers.ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, domainEvent.Id).SetProperty(c => c.Failures, 0), CancellationToken.None);
        LogPassedOver(logger, name, domainEvent.Id);
        return true;
    }

    private async Task<long> PositionAsync(string name, CancellationToken cancellationToken)
    {
        if (await db.EventConsumers.AsNoTracking().Where(c => c.Name == name).Select(c => (long?)c.Position).SingleOrDefaultAsync(cancellationToken) is { } position)
        {
            return position;
        }

        try
        {
            db.EventConsumers.Add(new EventConsumer(name));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another worker created it at the same time.
        }

        db.ChangeTracker.Clear();
        return await db.EventConsumers.AsNoTracking().Where(c => c.Name == name).Select(c => c.Position).SingleAsync(cancellationToken);
    }

    // Moves the position (renewing the lease) only while this worker holds it.
    private async Task AdvanceAsync(DsoDbContext context, string name, long position, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + worker.LeaseDuration;
        if (await context.EventConsumers.Where(c => c.Name == name && c.ClaimedBy == worker.Name)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, position).SetProperty(c => c.LeaseUntil, until).SetProperty(c => c.Failures, 0).SetProperty(c => c.LastError, (string?)null), cancellationToken) == 0)
        {
            throw new LeaseLostException($"the events of {name}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event handler {Handler} failed on event {EventId} ({Failures} time(s) in a row); it is tried again.")]
    private static partial void LogFailure(ILogger logger, string handler, long eventId, int failures, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event handler {Handler} passed over event {EventId} after repeated failures; its error is kept on the handler's position.")]
    private static partial void LogPassedOver(ILogger logger, string handler, long eventId);
}
