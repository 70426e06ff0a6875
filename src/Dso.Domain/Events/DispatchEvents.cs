using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Dso.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dso.Domain.Events;

/// <summary>
/// Hands the events committed since each durable handler's position to it, in commit order. A handler's position
/// is held by one worker at a time (a lease, renewed with each advance), and its events are handled in transactions
/// that also advance the position (up to <see cref="RunSize"/> events of one organization each, cut short past
/// <see cref="RunTime"/>): a process killed in between replays them, and each effect is written once. An event that
/// fails <see cref="MaxFailures"/> times in a row is passed over, with its error kept on the position, so one bad event
/// cannot stop a handler for good.
/// </summary>
public sealed partial class DispatchEvents(DsoDbContext db, IEnumerable<IEventProcessor> handlers, IServiceScopeFactory scopes, Worker worker, TimeProvider clock, ILogger<DispatchEvents> logger)
{
    public const int BatchSize = 200;
    public const int RunSize = 50;
    public static readonly TimeSpan RunTime = TimeSpan.FromMilliseconds(200);
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

            foreach (var run in Runs(events.Where(e => handler.Handles(e.Topic))))
            {
                var (count, done) = await HandleRunAsync(handler.Name, run, cancellationToken);
                handled += count;
                if (!done)
                {
                    return handled;
                }
            }

            position = events[^1].Id;
            // The events it does not handle are passed over in one step.
            await AdvanceAsync(db, handler.Name, position, cancellationToken);
        }

        return handled;
    }

    /// <summary>
    /// Consecutive events of one organization, up to <see cref="RunSize"/>: handled in as few transactions as
    /// <see cref="RunTime"/> allows, so that a backlog of light events (an alert is an event of its own) takes the write
    /// lock once a run rather than once an event.
    /// </summary>
    private static IEnumerable<List<DomainEvent>> Runs(IEnumerable<DomainEvent> events)
    {
        var run = new List<DomainEvent>();
        foreach (var domainEvent in events)
        {
            if (run.Count == RunSize || (run.Count > 0 && run[0].OrganizationId != domainEvent.OrganizationId))
            {
                yield return run;
                run = [];
            }

            run.Add(domainEvent);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>
    /// How many events were handled, and false when one failed and is to be tried again on the next round. A
    /// transaction that fails is rolled back; the events before the failing one go again, the failing one counts a
    /// failure (and waits, or is passed over), and the rest go on.
    /// </summary>
    private async Task<(int Handled, bool Done)> HandleRunAsync(string name, List<DomainEvent> run, CancellationToken cancellationToken)
    {
        var handled = 0;
        while (handled < run.Count)
        {
            var rest = run[handled..];
            var (count, error) = await TryHandleAsync(name, rest, cancellationToken);
            if (error is null)
            {
                handled += count;
                continue;
            }

            var (before, done) = await HandleRunAsync(name, rest[..count], cancellationToken);
            handled += before;
            if (!done || !await FailedAsync(name, rest[count], error))
            {
                return (handled, false);
            }

            handled++;
        }

        return (handled, true);
    }

    /// <summary>
    /// Handles the events in order, until they are all handled or the transaction has run for <see cref="RunTime"/>,
    /// and advances the position past them in the same transaction: how many it handled, or the error that rolled it
    /// back and the index of the event that raised it. A light event (an alert raised) shares its transaction with
    /// the next; a heavy one (a thousand pieces to score) does not hold the write lock while others wait.
    /// </summary>
    private async Task<(int Count, Exception? Error)> TryHandleAsync(string name, List<DomainEvent> run, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Enter(run[0].OrganizationId);
        var context = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
        var handler = scope.ServiceProvider.GetServices<IEventProcessor>().Single(h => h.Name == name);
        var started = clock.GetTimestamp();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var index = 0;
        try
        {
            while (index < run.Count && (index == 0 || clock.GetElapsedTime(started) < RunTime))
            {
                await handler.HandleAsync(run[index], cancellationToken);
                index++;
                // Each event on fresh reads, as it would be alone.
                context.ChangeTracker.Clear();
            }

            await AdvanceAsync(context, name, run[index - 1].Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (index, null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not LeaseLostException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            // A failure of the advance or the commit is the last event's.
            return (Math.Min(index, run.Count - 1), e);
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
