using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary><c>node</c> and <c>nodes</c>: any entity of the caller's organization by global ID; anything else is null.</summary>
public static class NodeQueries
{
    public const int MaxIds = 100;

    public static void Register(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await LoadAsync(ctx, ctx.GetArgument<string>("id")));
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"At most {MaxIds} IDs; each unknown or foreign ID gives null in its place.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", a => a.Validate(value =>
            {
                if (value is IEnumerable<object?> ids && ids.Count() > MaxIds)
                {
                    throw new ArgumentException($"nodes takes at most {MaxIds} IDs.");
                }
            }))
            .ResolveAsync(async ctx =>
            {
                var results = new List<object?>();
                foreach (var id in ctx.GetArgument<List<string>>("ids"))
                {
                    results.Add(await LoadAsync(ctx, id));
                }

                return results;
            });
    }

    private static async Task<object?> LoadAsync(IResolveFieldContext context, string globalId)
    {
        if (GlobalId.Decode(globalId) is not { } id)
        {
            return null;
        }

        var loaders = context.Loaders();
        IDataLoaderResult? result = id.Type switch
        {
            "Client" => loaders.Clients.Load(id.Id),
            "Piece" => loaders.Pieces.Load(id.Id),
            "Status" => loaders.Statuses.Load(id.Id),
            "Scenario" => loaders.Scenarios.Load(id.Id),
            "Template" => loaders.Templates.Load(id.Id),
            "User" => loaders.Users.Load(id.Id),
            "ImportJob" => loaders.ImportJobs.Load(id.Id),
            "ErpConnection" => loaders.ErpConnections.Load(id.Id),
            "SyncRun" => loaders.SyncRuns.Load(id.Id),
            "Action" => loaders.Actions.Load(id.Id),
            "Alert" => loaders.Alerts.Load(id.Id),
            "AlertRule" => loaders.AlertRules.Load(id.Id),
            "Message" => loaders.Messages.Load(id.Id),
            _ => null,
        };
        if (id.Type == "Organization")
        {
            var organization = await loaders.OrganizationAsync(context.CancellationToken);
            return organization.Id == id.Id ? organization : null;
        }

        return result is null ? null : await result.GetResultAsync(context.CancellationToken);
    }
}
