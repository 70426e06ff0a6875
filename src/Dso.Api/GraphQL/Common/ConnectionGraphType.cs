using Dso.Domain.Common.Paging;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>A Relay connection (edges, nodes, pageInfo, totalCount) over a keyset page.</summary>
public sealed class ConnectionGraphType<TNodeGraphType, T> : ObjectGraphType<Page<T>>
    where TNodeGraphType : IGraphType
{
    public ConnectionGraphType()
    {
        var node = NodeName();
        Name = node + "Connection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeGraphType, T>>>>>("edges").Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>>("nodes").Resolve(ctx => ctx.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(ctx => new PageInfo(
            ctx.Source.HasNextPage,
            ctx.Source.HasPreviousPage,
            ctx.Source.Edges.Count > 0 ? ctx.Source.Edges[0].Cursor : null,
            ctx.Source.Edges.Count > 0 ? ctx.Source.Edges[^1].Cursor : null));
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("The number of items in the whole list (counted only when asked for).")
            .ResolveAsync(async ctx => await ctx.Source.CountAsync(ctx.CancellationToken));
    }

    internal static string NodeName() => typeof(TNodeGraphType).Name.Replace("GraphType", "", StringComparison.Ordinal);
}
