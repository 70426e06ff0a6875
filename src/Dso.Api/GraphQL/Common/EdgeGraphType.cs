using Dso.Domain.Common.Paging;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>A Relay edge: a node and its opaque cursor.</summary>
public sealed class EdgeGraphType<TNodeGraphType, T> : ObjectGraphType<Edge<T>>
    where TNodeGraphType : IGraphType
{
    public EdgeGraphType()
    {
        Name = ConnectionGraphType<TNodeGraphType, T>.NodeName() + "Edge";
        Field(e => e.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}
