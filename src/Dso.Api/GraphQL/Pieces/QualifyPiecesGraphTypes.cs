using Dso.Api.GraphQL.Actions;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Pieces;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>The input of qualifyPieces.</summary>
public sealed class QualifyPiecesInputGraphType : InputObjectGraphType
{
    public QualifyPiecesInputGraphType()
    {
        Name = "QualifyPiecesInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("pieceIds");
        Field<NonNullGraphType<IdGraphType>>("statusId");
        Field<NonNullGraphType<StringGraphType>>("comment");
        Field<DateScalar>("promiseDate").Description("Required with a PAYMENT_PROMISE status.");
        Field<DecimalScalar>("promisedAmount").Description("Default: everything still due.");
        Field<DateScalar>("followUpDate").Description("Default: the promise date, else today + the status's followUpDays.");
    }

    public static QualifyPiecesRequest From(IDictionary<string, object?> input) => new(
        input.Items<string>("pieceIds").Select(id => GlobalId.DecodeAs("Piece", id)).ToList(),
        GlobalId.DecodeAs("Status", input.Value<string>("statusId")),
        input.Value<string>("comment") ?? "",
        input.Value<DateOnly?>("promiseDate"),
        input.Value<decimal?>("promisedAmount"),
        input.Value<DateOnly?>("followUpDate"));
}

/// <summary>The payload of qualifyPieces.</summary>
public sealed class QualifyPiecesPayloadGraphType : ObjectGraphType<Payload<QualifiedPieces>>
{
    public QualifyPiecesPayloadGraphType()
    {
        Name = "QualifyPiecesPayload";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PieceGraphType>>>>("pieces").Resolve(ctx => ctx.Source.Result?.Pieces ?? []);
        Field<ActionGraphType>("followUpAction").Resolve(ctx => ctx.Source.Result?.FollowUp);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}
