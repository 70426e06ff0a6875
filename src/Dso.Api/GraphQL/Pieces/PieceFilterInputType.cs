using Dso.Api.GraphQL.Common;
using Dso.Domain.Pieces;
using Dso.Domain.Statuses;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>Filters of a pieces list; they combine with AND.</summary>
public sealed class PieceFilterInputType : InputObjectGraphType
{
    public PieceFilterInputType()
    {
        Name = "PieceFilter";
        Field<IdGraphType>("clientId");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<PieceType>>>>("types");
        Field<BooleanGraphType>("open");
        Field<BooleanGraphType>("overdue").Description("Open debit pieces past their due date today.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<StatusCategory>>>>("statusCategories");
        Field<BooleanGraphType>("unqualified").Description("Pieces without a status.");
        Field<DateScalar>("dueBefore");
        Field<DateScalar>("dueAfter");
        Field<DecimalScalar>("minOpenAmount");
    }

    public static PieceFilter? From(IDictionary<string, object?>? input) => input is null
        ? null
        : new PieceFilter(
            input.ContainsKey("clientId") ? GlobalId.DecodeAs("Client", input.Value<string>("clientId")) ?? -1 : null,
            input.Value<IEnumerable<object?>>("types")?.OfType<PieceType>().ToList(),
            input.Value<bool?>("open"),
            input.Value<bool?>("overdue"),
            input.Value<IEnumerable<object?>>("statusCategories")?.OfType<StatusCategory>().ToList(),
            input.Value<bool?>("unqualified"),
            input.Value<DateOnly?>("dueBefore"),
            input.Value<DateOnly?>("dueAfter"),
            input.Value<decimal?>("minOpenAmount"));
}
