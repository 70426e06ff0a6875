using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>The sort direction of an ordering.</summary>
public sealed class OrderDirectionGraphType : EnumerationGraphType
{
    public OrderDirectionGraphType()
    {
        Name = "OrderDirection";
        Add("ASC", false);
        Add("DESC", true);
    }
}
