using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Dso.Domain.Events;

/// <summary>
/// The change feed of one process: the fan-out publishes every committed event here, and each subscriber of this
/// process watches it by organization and topic. Publishing never waits: each subscription has a bounded buffer of
/// its own, and a subscriber that falls behind loses its oldest changes, not the publisher's time. Nothing is kept
/// for organizations and topics nobody watches.
/// </summary>
public sealed class InProcessChangeFeed(int capacity = InProcessChangeFeed.DefaultCapacity) : IChangeFeed
{
    public const int DefaultCapacity = 1024;

    private readonly ConcurrentDictionary<(long Organization, EventTopic Topic), ChangeSubscription[]> watchers = new();
    private readonly Lock gate = new();

    public bool IsWatched(long organizationId, EventTopic topic) => watchers.ContainsKey((organizationId, topic));

    public int Watchers(long organizationId, EventTopic topic) => watchers.TryGetValue((organizationId, topic), out var current) ? current.Length : 0;

    public void Publish(Change change)
    {
        if (watchers.TryGetValue((change.OrganizationId, change.Topic), out var subscriptions))
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Offer(change);
            }
        }
    }

    public ChangeSubscription Watch(long organizationId, EventTopic topic, Func<Change, bool> filter)
    {
        var key = (organizationId, topic);
        ChangeSubscription? subscription = null;
        subscription = new ChangeSubscription(filter, capacity, () => Remove(key, subscription!));
        lock (gate)
        {
            watchers[key] = watchers.TryGetValue(key, out var current) ? [.. current, subscription] : [subscription];
        }

        return subscription;
    }

    private void Remove((long, EventTopic) key, ChangeSubscription subscription)
    {
        lock (gate)
        {
            if (watchers.TryGetValue(key, out var current))
            {
                var rest = current.Where(s => s != subscription).ToArray();
                if (rest.Length == 0)
                {
                    watchers.TryRemove(key, out _);
                }
                else
                {
                    watchers[key] = rest;
                }
            }
        }
    }
}

/// <summary>One subscriber's buffer of changes, read in the order they were committed (its reader goes on on the publisher's thread).</summary>
public sealed class ChangeSubscription : IDisposable
{
    private readonly Func<Change, bool> filter;
    private readonly Channel<Change> buffer;
    private readonly Action remove;
    private long dropped;
    private int disposed;

    internal ChangeSubscription(Func<Change, bool> filter, int capacity, Action remove)
    {
        this.filter = filter;
        this.remove = remove;
        buffer = Channel.CreateBounded<Change>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, AllowSynchronousContinuations = true },
            _ => Interlocked.Increment(ref dropped));
    }

    public ChannelReader<Change> Changes => buffer.Reader;

    /// <summary>How many changes were lost because the subscriber fell behind.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            remove();
            buffer.Writer.TryComplete();
        }
    }

    /// <summary>Puts a change in this subscriber's buffer only: to start with the current state of what it watches.</summary>
    public void Add(Change change) => Offer(change);

    internal void Offer(Change change)
    {
        if (filter(change))
        {
            buffer.Writer.TryWrite(change);
        }
    }
}
