using Dso.Api.GraphQL.DataLoading;
using Dso.Domain.Events;

namespace Dso.Api.GraphQL.Subscriptions;

/// <summary>Reads the entity a change names, as the subscriber may see it (null when they may not, or it is gone).</summary>
public delegate Task<object?> ChangedEntityLoader(Loaders loaders, long id, CancellationToken cancellationToken);

/// <summary>
/// The source stream of a subscription field: the subscriber's buffer of changes and how to read the entity each
/// one names. <see cref="ChangeSubscriptionStrategy"/> turns it into results, one event at a time.
/// </summary>
public sealed class ChangeSource(ChangeSubscription changes, ChangedEntityLoader load) : IObservable<object?>
{
    public ChangeSubscription Changes { get; } = changes;

    public ChangedEntityLoader Load { get; } = load;

    /// <summary>Not observed directly: the subscription strategy reads <see cref="Changes"/>.</summary>
    public IDisposable Subscribe(IObserver<object?> observer) =>
        throw new NotSupportedException($"A {nameof(ChangeSource)} is executed by {nameof(ChangeSubscriptionStrategy)}.");
}
