using Dso.Api.GraphQL.Common;
using Dso.Domain.Pieces;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>A piece to create or update, by type and number.</summary>
public sealed class PieceInputGraphType : InputObjectGraphType
{
    public PieceInputGraphType()
    {
        Name = "PieceInput";
        Field<NonNullGraphType<EnumerationGraphType<PieceType>>>("type");
        Field<NonNullGraphType<StringGraphType>>("number");
        Field<NonNullGraphType<StringGraphType>>("clientCode");
        Field<NonNullGraphType<DateScalar>>("issueDate");
        Field<NonNullGraphType<DateScalar>>("dueDate");
        Field<NonNullGraphType<DecimalScalar>>("amount").Description("Credit types may be sent with either sign.");
        Field<NonNullGraphType<DecimalScalar>>("openAmount");
        Field<StringGraphType>("currency").Description("ISO 4217; default: the client's currency.");
        Field<DateScalar>("balanceDate").Description("The date on which openAmount became true (default: today); loads history.");
        Field<DateScalar>("promiseDate");
    }

    public static PieceInput From(IDictionary<string, object?> input) => new(
        (PieceType)input["type"]!,
        input.Value<string>("number")!,
        input.Value<string>("clientCode")!,
        input.Value<DateOnly>("issueDate"),
        input.Value<DateOnly>("dueDate"),
        input.Value<decimal>("amount"),
        input.Value<decimal>("openAmount"),
        input.Value<string>("currency"),
        input.Value<DateOnly?>("balanceDate"),
        input.Value<DateOnly?>("promiseDate"));
}

/// <summary>The input of upsertPieces.</summary>
public sealed class UpsertPiecesInputGraphType : InputObjectGraphType
{
    public UpsertPiecesInputGraphType()
    {
        Name = "UpsertPiecesInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PieceInputGraphType>>>>("pieces");
    }
}

/// <summary>The payload of upsertPieces.</summary>
public sealed class UpsertPiecesPayloadGraphType()
    : PayloadGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<PieceGraphType>>>, IReadOnlyList<Piece>>("UpsertPiecesPayload", "pieces", Array.Empty<Piece>());
