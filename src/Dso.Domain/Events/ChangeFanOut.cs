using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Events;

/// <summary>
/// Delivers every committed event, whichever process committed it, to the subscribers of this process, in commit
/// order, from this process's own position: it starts at the newest event when the process starts (a subscriber
/// hears of what happens once it is subscribed) and is not stored, as the subscribers themselves live in this
/// process. Events nobody here watches are passed over without being unpacked.
/// </summary>
public sealed class ChangeFanOut(IChangeFeed feed)
{
    public const int BatchSize = 500;

    private long? position;

    /// <summary>The last event handed to this process's subscribers (0 before the start).</summary>
    public long Position => position ?? 0;

    /// <summary>Starts from the newest event (called once when the process starts, before it serves subscribers).</summary>
    public async Task StartAsync(DsoDbContext db, CancellationToken cancellationToken) =>
        position ??= await db.Events.IgnoreQueryFilters().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;

    /// <summary>Publishes the events committed since the last call; returns how many there were.</summary>
    public async Task<int> DeliverAsync(DsoDbContext db, CancellationToken cancellationToken)
    {
        await StartAsync(db, cancellationToken);
        var delivered = 0;
        while (true)
        {
            var after = position!.Value;
            var events = await db.Events.IgnoreQueryFilters().AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var domainEvent in events)
            {
                if (feed.IsWatched(domainEvent.OrganizationId, domainEvent.Topic))
                {
                    foreach (var change in domainEvent.Changes())
                    {
                        feed.Publish(change);
                    }
                }

                position = domainEvent.Id;
            }

            delivered += events.Count;
            if (events.Count < BatchSize)
            {
                return delivered;
            }
        }
    }
}
