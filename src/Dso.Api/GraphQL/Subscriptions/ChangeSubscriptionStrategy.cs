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
/// handled one at a time, in commit order; a subscriber that reads slowly holds back only its own buffer.
/// </summary>
public sealed class ChangeSubscriptionStrategy() : SubscriptionExecutionStrategy(new SerialExecutionStrategy())
{
    protected override async Task<IObservable<ExecutionResult>?> ResolveResponseStreamAsync(ExecutionContext context, ExecutionNode node)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        try
        {
            var source = await node.FieldDefinition!.StreamResolver!.ResolveAsync(new ReadonlyResolveFieldContext(node, context));
            return new EventResults(this, context, node, (ChangeSource)source);
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
    private async Task<ExecutionResult?> ExecuteAsync(ExecutionContext context, ExecutionNode node, ChangedEntityLoader load, Change change, CancellationToken cancellationToken)
    {
        await using var scope = context.RequestServices!.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            await RequestPrincipal.EnterAsync(services, context.User!.ToPrincipal(), cancellationToken);
            if (await load(services.GetRequiredService<Loaders>(), change.EntityId, cancellationToken) is not { } entity)
            {
                return null;
            }

            using var eventContext = CloneExecutionContext(context, cancellationToken);
            eventContext.RequestServices = services;
            return await ProcessDataAsync(eventContext, node, entity);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ExecutionResult { Errors = [await ProcessErrorAsync(context, node, e)] };
        }
    }

    /// <summary>
    /// The results of a stream, pulled one at a time (the WebSocket transport awaits each send before reading the
    /// next change) or pushed to an observer.
    /// </summary>
    private sealed class EventResults(ChangeSubscriptionStrategy strategy, ExecutionContext context, ExecutionNode node, ChangeSource stream)
        : IObservable<ExecutionResult>, IAsyncEnumerable<ExecutionResult>
    {
        public async IAsyncEnumerator<ExecutionResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            using var changes = stream.Changes;
            await foreach (var change in changes.Changes.ReadAllAsync(cancellationToken))
            {
                if (await strategy.ExecuteAsync(context, node, stream.Load, change, cancellationToken) is { } result)
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
}
