using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>An input that names one entity by its global ID (archive mutations).</summary>
public abstract class IdInputGraphType : InputObjectGraphType
{
    protected IdInputGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
