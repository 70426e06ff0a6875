using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>Relay's Node: every entity can be fetched again by its global ID.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global ID, fetchable with node(id:).";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
