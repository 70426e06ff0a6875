using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.DataLoading;
using Dso.Domain.Events;
using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Dso.Api.GraphQL.Subscriptions;

/// <summary>
/// Executes subscriptions on <see cref="ChangeSource"/>s. Each change is handled in a scope of its own, entered as
/// the subscriber (their organization, and their portfolio when the organization restricts it): the entity is
/// read again through those filters, and a change the subscriber may not see is skipped, never sent. Events are
/// handled one at a time, in commit order; a subscriber that reads slowly holds back only its own buffer. The
/// subscribers of one change who see alike (one organization, and one portfolio or none) share one read of the
/// organization's restriction and of the entity (<see cref="SharedReads"/>): thousands of subscribers cost one query.
/// </summary>
public sealed class ChangeSubscriptionStrategy() : SubscriptionExecutionStrategy(new SerialExecutionStrategy())
{
    protected override async Task<IObservable<ExecutionResult>?> ResolveResponseStreamAsync(ExecutionContext context, ExecutionNode node)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        try
        {
            var source = await node.FieldDefinition!.StreamResolver!.ResolveAsync(new ReadonlyResolveFieldContext(node, context));
            return new EventResults(this, new Subscriber(context, node, (ChangeSource)source));
        }
        catch (ExecutionError error)
        {
            error.Path = node.ResponsePath;
            error.AddLocation(node.Field, context.Document);
            context.Errors.Add(error);
            return null;
        }
    }

    /// <summary>The result of one change for the subscriber, or null when they may not see its entity.</summary>
    private async Task<ExecutionResult?> ExecuteAsync(Subscriber subscriber, Change change, CancellationToken cancellationToken)
    {
        var (context, node) = (subscriber.Context, subscriber.Node);
        try
        {
            // Subscribers alike await one task, so that thousands of them are woken once, not once a read. The shared
            // reads are not cancelled with a subscriber: they take a moment and others await them. The first
            // subscriber runs them on the fan-out's thread, once a change for all who share them.
            if (subscriber.Alike is { } alike)
            {
                return (ExecutionResult?)await SharedReads.Of(change).GetAsync(subscriber.SharedKey!,
                    async () => await ReadAsync(subscriber, change, alike, CancellationToken.None));
            }

            // Off the fan-out's thread: this subscriber's reads are its own.
            await Task.Yield();
            return await ReadAsync(subscriber, change, alike: null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ExecutionResult { Errors = [await ProcessErrorAsync(context, node, e)] };
        }
    }

    // The organization's restriction, then the entity as the caller may see it, each read once per change; then the
    // result, run and serialized once for the subscribers alike who see alike, or run for this subscriber alone
    // (no `alike`: its document has variables).
    private async Task<ExecutionResult?> ReadAsync(Subscriber subscriber, Change change, string? alike, CancellationToken cancellationToken)
    {
        var (context, node, caller) = (subscriber.Context, subscriber.Node, subscriber.Caller);
        var scopes = context.RequestServices!.GetRequiredService<IServiceScopeFactory>();
        var reads = SharedReads.Of(change);
        var restricts = await reads.GetAsync("restricts", () => InScopeAsync(scopes, caller, false, async sp =>
            (object?)await Dso.Domain.Users.EnterAsUser.RestrictsAsync(sp.GetRequiredService<Dso.Domain.Persistence.DsoDbContext>(), CancellationToken.None))) is true;
        var portfolio = restricts && !caller.IsAdmin;
        var visibility = portfolio ? caller.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture) : "organization";
        if (await reads.GetAsync("entity:" + visibility, () => InScopeAsync(scopes, caller, portfolio, sp => subscriber.Load(sp.GetRequiredService<Loaders>(), change.EntityId, CancellationToken.None))) is not { } entity)
        {
            return null;
        }

        if (alike is not null)
        {
            var serializer = context.RequestServices!.GetRequiredService<IGraphQLTextSerializer>();
            return (ExecutionResult?)await reads.GetAsync($"result:{alike}:{visibility}", () => InScopeAsync(scopes, caller, portfolio, async sp =>
                (object?)new SerializedResult(serializer.Serialize(await RunAsync(context, node, sp, caller, entity, CancellationToken.None)))));
        }

        await using var scope = scopes.CreateAsyncScope();
        Dso.Domain.Users.EnterAsUser.Enter(scope.ServiceProvider.GetRequiredService<Dso.Domain.Common.Tenant>(), caller.OrganizationId, caller.UserId, caller.Roles, portfolio);
        return await RunAsync(context, node, scope.ServiceProvider, caller, entity, cancellationToken);
    }

    private async Task<ExecutionResult> RunAsync(ExecutionContext context, ExecutionNode node, IServiceProvider services, Dso.Domain.Users.Principal caller, object entity, CancellationToken cancellationToken)
    {
        services.GetRequiredService<RequestPrincipal>().Value = caller;
        using var eventContext = CloneExecutionContext(context, cancellationToken);
        eventContext.RequestServices = services;
        return await ProcessDataAsync(eventContext, node, entity);
    }

    // A read of its own scope (not a subscriber's, which may end first), acting as the caller would.
    private static async Task<object?> InScopeAsync(IServiceScopeFactory scopes, Dso.Domain.Users.Principal caller, bool portfolio, Func<IServiceProvider, Task<object?>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        Dso.Domain.Users.EnterAsUser.Enter(scope.ServiceProvider.GetRequiredService<Dso.Domain.Common.Tenant>(), caller.OrganizationId, caller.UserId, caller.Roles, portfolio);
        return await read(scope.ServiceProvider);
    }

    /// <summary>
    /// The results of a stream, pulled one at a time (the WebSocket transport awaits each send before reading the
    /// next change) or pushed to an observer.
    /// </summary>
    private sealed class EventResults(ChangeSubscriptionStrategy strategy, Subscriber subscriber)
        : IObservable<ExecutionResult>, IAsyncEnumerable<ExecutionResult>
    {
        public async IAsyncEnumerator<ExecutionResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            using var changes = subscriber.Source.Changes;
            await foreach (var change in changes.Changes.ReadAllAsync(cancellationToken))
            {
                if (await strategy.ExecuteAsync(subscriber, change, cancellationToken) is { } result)
                {
                    yield return result;
                }
            }
        }

        public IDisposable Subscribe(IObserver<ExecutionResult> observer)
        {
            var stop = new CancellationTokenSource();
            _ = PushAsync(observer, stop.Token);
            return stop;
        }

        private async Task PushAsync(IObserver<ExecutionResult> observer, CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var result in this.WithCancellation(cancellationToken))
                {
                    observer.OnNext(result);
                }

                observer.OnCompleted();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>
    /// One subscription, as its events are executed: the caller, and (for a document without variables) the key of
    /// the subscribers alike (one document and operation, the same roles, and the same user unless they are
    /// administrators), worked out once, not once an event.
    /// </summary>
    private sealed class Subscriber
    {
        public Subscriber(ExecutionContext context, ExecutionNode node, ChangeSource source)
        {
            (Context, Node, Source) = (context, node, source);
            Caller = context.User!.ToPrincipal()!;
            if (!context.Variables.Any())
            {
                Alike = $"{DocumentIds.Of(context.Document)}:{context.Operation.Name?.StringValue}:{Caller.Roles}";
                SharedKey = $"subscriber:{Alike}:{(Caller.IsAdmin ? 0 : Caller.UserId)}";
            }
        }

        public ExecutionContext Context { get; }

        public ExecutionNode Node { get; }

        public ChangeSource Source { get; }

        public ChangedEntityLoader Load => Source.Load;

        public Dso.Domain.Users.Principal Caller { get; }

        public string? Alike { get; }

        public string? SharedKey { get; }
    }
}
