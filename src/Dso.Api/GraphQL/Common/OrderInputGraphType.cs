using Dso.Domain.Common.Paging;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>One ordering of a list: a field of the list and a direction.</summary>
public abstract class OrderInputGraphType<TField> : InputObjectGraphType
    where TField : struct, Enum
{
    protected OrderInputGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<EnumerationGraphType<TField>>>("field");
        Field<NonNullGraphType<OrderDirectionGraphType>>("direction");
    }
}

/// <summary>Reads an <c>orderBy</c> argument.</summary>
public static class OrderInputs
{
    public static IReadOnlyList<SortOrder<TField>>? From<TField>(IEnumerable<object?>? input)
        where TField : struct, Enum =>
        input?.OfType<IDictionary<string, object?>>()
            .Select(o => new SortOrder<TField>((TField)o["field"]!, (bool)o["direction"]!))
            .ToList();
}
