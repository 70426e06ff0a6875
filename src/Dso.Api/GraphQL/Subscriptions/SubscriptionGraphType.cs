using Dso.Api.Auth;
using Dso.Api.GraphQL.Alerts;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Imports;
using Dso.Api.GraphQL.Pieces;
using Dso.Domain.Alerts;
using Dso.Domain.Events;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Subscriptions;

/// <summary>
/// The subscription root (graphql-transport-ws on /graphql). Each event is the entity as it is once the change
/// is committed, read with the subscriber's own rights: a collector restricted to a portfolio hears only of
/// their clients.
/// </summary>
public sealed class SubscriptionGraphType : ObjectGraphType
{
    public SubscriptionGraphType()
    {
        Name = "Subscription";
        Field<NonNullGraphType<AlertGraphType>>("alertRaised")
            .Description("Each alert as it is raised; only the given kinds when kinds is set.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<AlertKind>>>>("kinds")
            .AuthorizeWithPolicy(Policies.Read)
            .ResolveStream(ctx =>
            {
                var kinds = ctx.GetArgument<List<AlertKind>?>("kinds");
                return Watch(ctx, EventTopic.AlertRaised, c => kinds is null || kinds.Contains(c.AlertKind!.Value), (l, id, ct) => Result(l.Alerts.Load(id), ct));
            });
        Field<NonNullGraphType<PieceGraphType>>("pieceUpdated")
            .Description("Each piece as it is created or changed (balance, status, promise, dates); only the client's when clientId is set.")
            .Argument<IdGraphType>("clientId")
            .AuthorizeWithPolicy(Policies.Read)
            .ResolveStreamAsync(async ctx =>
            {
                var clientId = ctx.GetArgument<string?>("clientId") is { } id ? await VisibleAsync(ctx, "clientId", "Client", id, (l, key) => l.Clients.Load(key)) : (long?)null;
                return Watch(ctx, EventTopic.PieceUpdated, c => clientId is null || c.ClientId == clientId, (l, id, ct) => Result(l.Pieces.Load(id), ct));
            });
        Field<NonNullGraphType<ImportJobGraphType>>("importJobUpdated")
            .Description("The import job as it is now, then each time it starts and when it ends.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AuthorizeWithPolicy(Policies.Read)
            .ResolveStreamAsync(async ctx =>
            {
                var jobId = await VisibleAsync(ctx, "id", "ImportJob", ctx.GetArgument<string>("id"), (l, key) => l.ImportJobs.Load(key));
                var source = Watch(ctx, EventTopic.ImportJobUpdated, c => c.EntityId == jobId, (l, id, ct) => Result(l.ImportJobs.Load(id), ct));
                // The job may have moved on before the subscription: its state as of now comes first.
                source.Changes.Add(new Change(ctx.Principal().OrganizationId, EventTopic.ImportJobUpdated, jobId));
                return source;
            });
        Field<NonNullGraphType<Connections.SyncRunGraphType>>("syncRunUpdated")
            .Description("Each sync run as it is queued, starts, commits a batch and ends; only the connection's when erpConnectionId is set.")
            .Argument<IdGraphType>("erpConnectionId")
            .AuthorizeWithPolicy(Policies.Read)
            .ResolveStreamAsync(async ctx =>
            {
                var connection = ctx.GetArgument<string?>("erpConnectionId") is { } id
                    ? (await VisibleAsync(ctx, "erpConnectionId", "ErpConnection", id, (l, key) => l.ErpConnections.Load(key))).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : null;
                return Watch(ctx, EventTopic.SyncRunUpdated, c => connection is null || c.Detail == connection, (l, id, ct) => Result(l.SyncRuns.Load(id), ct));
            });
    }

    private static ChangeSource Watch(IResolveFieldContext context, EventTopic topic, Func<Change, bool> filter, ChangedEntityLoader load) =>
        new(context.Service<IChangeFeed>().Watch(context.Principal().OrganizationId, topic, filter), load);

    private static async Task<object?> Result<T>(IDataLoaderResult<T> pending, CancellationToken cancellationToken) =>
        await pending.GetResultAsync(cancellationToken);

    // The key of an ID argument naming something the subscriber may see; anything else is refused before subscribing.
    private static async Task<long> VisibleAsync<T>(IResolveFieldContext context, string argument, string type, string globalId, Func<DataLoading.Loaders, long, IDataLoaderResult<T>> load)
    {
        if (GlobalId.DecodeAs(type, globalId) is { } key && await load(context.Loaders(), key).GetResultAsync(context.CancellationToken) is not null)
        {
            return key;
        }

        throw new ExecutionError($"{argument}: no {type} with this ID.") { Code = "NOT_FOUND" };
    }
}
