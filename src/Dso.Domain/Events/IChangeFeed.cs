namespace Dso.Domain.Events;

/// <summary>
/// Where committed changes reach the subscribers connected to this process. <see cref="ChangeFanOut"/> publishes
/// every event committed by any process on the database, from this process's own position; the in-process feed is
/// the implementation now, and a Redis one will only wake other instances sooner.
/// </summary>
public interface IChangeFeed
{
    /// <summary>Whether anybody watches the topic in the organization (so batches nobody watches are not unpacked).</summary>
    bool IsWatched(long organizationId, EventTopic topic);

    /// <summary>How many subscriptions watch the topic in the organization.</summary>
    int Watchers(long organizationId, EventTopic topic);

    /// <summary>Offers a change to the subscriptions that watch its organization and topic.</summary>
    void Publish(Change change);

    /// <summary>
    /// Changes of one topic in one organization that pass <paramref name="filter"/>, until disposed. A reader waiting
    /// for a change goes on on the publisher's thread, so that thousands of subscribers cost no hop each: one with slow
    /// work to do (a read of the database of its own) yields first (<c>await Task.Yield()</c>).
    /// </summary>
    ChangeSubscription Watch(long organizationId, EventTopic topic, Func<Change, bool> filter);
}
