using Dso.Domain.Actions;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Scenarios;
using Dso.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Messaging;

/// <summary>
/// Sends what the outbox holds, organization by organization, inside each one's send window. A message is claimed
/// with a conditional update that marks it <see cref="MessageState.Sending"/> (committed before its channel gets it),
/// then marked sent, with its action done. A channel failing for now puts it back in the queue with a growing delay
/// until it works or its action goes stale; a permanent failure fails it with its reason and the action's fallback.
/// A message left <see cref="MessageState.Sending"/> by a dispatcher that died is never sent again blindly: it fails
/// as interrupted, its Message-ID in the reason, and a person is asked to check.
/// </summary>
public sealed class DispatchMessages(DsoDbContext db, IServiceScopeFactory scopes, Worker worker, TimeProvider clock)
{
    private const int Batch = 200;

    public async Task<DispatchResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var interrupted = await db.Messages.IgnoreQueryFilters().AsNoTracking().Where(m => m.State == MessageState.Sending && m.LeaseUntil < now)
            .Select(m => new { m.Id, m.OrganizationId }).ToListAsync(cancellationToken);
        var due = await db.Messages.IgnoreQueryFilters().AsNoTracking().Where(m => m.State == MessageState.Queued && m.NextAttemptAt <= now)
            .Select(m => m.OrganizationId).Distinct().ToListAsync(cancellationToken);
        var result = new DispatchResult(0, 0, 0, interrupted.Count);
        foreach (var organizationId in interrupted.Select(m => m.OrganizationId).Concat(due).Distinct())
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Tenant>().Enter(organizationId);
            var dispatch = new OrganizationDispatch(scope.ServiceProvider.GetRequiredService<DsoDbContext>(), scope.ServiceProvider.GetServices<IMessageChannel>(), worker, clock);
            await dispatch.ReconcileAsync([.. interrupted.Where(m => m.OrganizationId == organizationId).Select(m => m.Id)], cancellationToken);
            result += await dispatch.SendAsync(cancellationToken);
        }

        return result;
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private sealed class OrganizationDispatch(DsoDbContext db, IEnumerable<IMessageChannel> channels, Worker worker, TimeProvider clock)
    {
        public async Task ReconcileAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
        {
            foreach (var message in await db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken))
            {
                // Taken with a conditional update, so that of several processes reconciling it one asks a person to check.
                var now = clock.GetUtcNow();
                var reason = $"Interrupted while being sent: it may have gone out, so it is not sent again. Look for the Message-ID <{message.Key}@...> in the mail server's log.";
                var taken = await db.Messages.Where(m => m.Id == message.Id && m.State == MessageState.Sending && m.LeaseUntil < now).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.State, MessageState.Failed).SetProperty(m => m.Error, reason)
                        .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
                    cancellationToken);
                if (taken == 1)
                {
                    await Fallbacks.ApplyAsync(db, message.ActionId, reason, now, cancellationToken, Channel.Task);
                    // Failed by a conditional update, outside the change tracker: its event is written here.
                    db.Events.Add(Events.DomainEvent.Of(message.OrganizationId, Events.EventTopic.MessageFailed, message.Id, message.ClientId, now));
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }

        public async Task<DispatchResult> SendAsync(CancellationToken cancellationToken)
        {
            var organization = await db.Organizations.AsNoTracking().SingleAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var window = organization.Settings.SendWindow;
            var local = BusinessCalendar.LocalTime(now, organization.TimeZone);
            if (!window.IsOpen(local))
            {
                // What is queued waits for the window's next opening (read again at each turn: the window may change).
                return new DispatchResult(0, 0, 0, 0);
            }

            var oldest = organization.Today(clock).AddDays(-organization.Settings.StaleDays);
            var ids = await db.Messages.Where(m => m.State == MessageState.Queued && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
            var sessions = new Dictionary<Channel, IMessageSession>();
            var (sent, retried, failed) = (0, 0, 0);
            try
            {
                foreach (var id in ids)
                {
                    var claimed = await db.Messages.Where(m => m.Id == id && m.State == MessageState.Queued && m.NextAttemptAt <= now).ExecuteUpdateAsync(
                        s => s.SetProperty(m => m.State, MessageState.Sending).SetProperty(m => m.ClaimedBy, worker.Name)
                            .SetProperty(m => m.LeaseUntil, now + worker.LeaseDuration).SetProperty(m => m.Attempts, m => m.Attempts + 1),
                        cancellationToken);
                    if (claimed == 0)
                    {
                        continue;
                    }

                    var message = await db.Messages.SingleAsync(m => m.Id == id, cancellationToken);
                    var action = await db.Actions.SingleAsync(a => a.Id == message.ActionId, cancellationToken);
                    var outcome = action.State != ActionState.Planned ? Outcome.Cancelled
                        : action.DueDate < oldest ? Outcome.Stale
                        : await TrySendAsync(message, organization, sessions, cancellationToken);
                    (sent, retried, failed) = outcome switch
                    {
                        Outcome.Sent => (sent + 1, retried, failed),
                        Outcome.Retry => (sent, retried + 1, failed),
                        Outcome.Failed or Outcome.Stale => (sent, retried, failed + 1),
                        _ => (sent, retried, failed),
                    };
                    await SettleAsync(message, action, outcome, cancellationToken);
                    if (outcome == Outcome.Retry && !sessions.ContainsKey(message.Channel))
                    {
                        // The channel failed for now (its session is dropped): the rest would likely fail alike, so they wait for the next turn.
                        break;
                    }
                }
            }
            finally
            {
                foreach (var session in sessions.Values)
                {
                    await session.DisposeAsync();
                }
            }

            return new DispatchResult(sent, retried, failed, 0);
        }

        private async Task<Outcome> TrySendAsync(Message message, Organization organization, Dictionary<Channel, IMessageSession> sessions, CancellationToken cancellationToken)
        {
            var channel = channels.FirstOrDefault(c => c.Channel == message.Channel);
            if (channel is null)
            {
                message.Retry(clock.GetUtcNow() + Backoff(message.Attempts), $"No {message.Channel} channel is configured on this server.");
                return Outcome.Retry;
            }

            try
            {
                if (!sessions.TryGetValue(message.Channel, out var session))
                {
                    session = await channel.OpenAsync(cancellationToken);
                    sessions[message.Channel] = session;
                }

                var replyTo = organization.Settings.ReplyTo ?? await db.ClientAssignments.Where(a => a.ClientId == message.ClientId)
                    .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => u.Email).FirstOrDefaultAsync(cancellationToken);
                var document = await session.SendAsync(
                    new OutgoingMessage(message.Key, message.To, message.Subject, message.Body, message.Language, organization.Settings.SenderName ?? organization.Name, replyTo),
                    cancellationToken);
                if (document is not null)
                {
                    db.MessageDocuments.Add(new MessageDocument(message.OrganizationId, message.Id, document.FileName, document.Content, clock.GetUtcNow()));
                }

                message.MarkSent(clock.GetUtcNow());
                return Outcome.Sent;
            }
            catch (MessageSendException e) when (!e.Permanent)
            {
                if (sessions.Remove(message.Channel, out var broken))
                {
                    await broken.DisposeAsync();
                }

                message.Retry(clock.GetUtcNow() + Backoff(message.Attempts), e.Message);
                return Outcome.Retry;
            }
            catch (MessageSendException e)
            {
                message.Fail(e.Message);
                return Outcome.Failed;
            }
        }

        private async Task SettleAsync(Message message, CollectionAction action, Outcome outcome, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            switch (outcome)
            {
                case Outcome.Sent:
                    action.MarkSent(now);
                    break;
                case Outcome.Cancelled:
                    message.Cancel();
                    break;
                case Outcome.Stale:
                    message.Fail($"Not sent before its action went stale (due {action.DueDate:yyyy-MM-dd}); the last failure: {message.Error}");
                    await Fallbacks.ApplyAsync(db, action.Id, message.Error!, now, cancellationToken);
                    break;
                case Outcome.Failed:
                    await Fallbacks.ApplyAsync(db, action.Id, message.Error!, now, cancellationToken);
                    break;
                default:
                    break;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private enum Outcome
    {
        Sent,
        Retry,
        Failed,
        Stale,
        Cancelled,
    }
}

/// <summary>What one dispatch did.</summary>
public sealed record DispatchResult(int Sent, int Retried, int Failed, int Interrupted)
{
    public static DispatchResult operator +(DispatchResult a, DispatchResult b) => new(a.Sent + b.Sent, a.Retried + b.Retried, a.Failed + b.Failed, a.Interrupted + b.Interrupted);
}
