using Dso.Domain.Common.Paging;
using Dso.Domain.Pieces;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>One ordering of a pieces list.</summary>
public sealed class PieceOrderInputType : InputObjectGraphType
{
    public PieceOrderInputType()
    {
        Name = "PieceOrder";
        Field<NonNullGraphType<EnumerationGraphType<PieceOrderField>>>("field");
        Field<NonNullGraphType<Common.OrderDirectionGraphType>>("direction");
    }

    public static IReadOnlyList<SortOrder<PieceOrderField>>? From(IEnumerable<object?>? input) =>
        input?.OfType<IDictionary<string, object?>>()
            .Select(o => new SortOrder<PieceOrderField>((PieceOrderField)o["field"]!, (bool)o["direction"]!))
            .ToList();
}
