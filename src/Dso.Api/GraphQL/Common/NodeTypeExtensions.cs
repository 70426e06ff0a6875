using Dso.Domain.Common;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>Declares an entity type as a Node with an opaque global ID.</summary>
public static class NodeTypeExtensions
{
    public static void NodeId<T>(this ObjectGraphType<T> type)
        where T : IEntity
    {
        type.Interface<NodeInterface>();
        type.IsTypeOf = source => source is T;
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(type.Name, ctx.Source.Id));
    }
}
