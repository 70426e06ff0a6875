using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Pieces;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>Mutations of the pieces feature.</summary>
public static class PieceMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        MutationFields.Add<UpsertPiecesInputGraphType, UpsertPiecesPayloadGraphType, IReadOnlyList<Piece>>(mutation, "upsertPieces",
            $"Creates or updates pieces by (type, number), at most {UpsertPieces.MaxBatch} per call; the same data twice changes nothing.",
            Policies.Write,
            (ctx, input) => ctx.Service<UpsertPieces>().ExecuteAsync(input.Items("pieces").Select(PieceInputGraphType.From).ToList(), ctx.CancellationToken));
        MutationFields.Add<QualifyPiecesInputGraphType, QualifyPiecesPayloadGraphType, QualifiedPieces>(mutation, "qualifyPieces",
            "Sets a status and comment on pieces (at most 500); a promise, dispute or litigation takes them out of the scenario with a follow-up action.",
            Policies.Write,
            (ctx, input) => ctx.Service<QualifyPieces>().ExecuteAsync(QualifyPiecesInputGraphType.From(input), ctx.Principal().UserId, ctx.CancellationToken));
    }
}
