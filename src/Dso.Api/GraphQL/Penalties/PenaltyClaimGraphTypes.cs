using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Pieces;
using Dso.Api.GraphQL.Users;
using Dso.Domain.Common;
using Dso.Domain.Penalties;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Penalties;

/// <summary>Penalties recorded for a late piece, as a debit note of their own.</summary>
public sealed class PenaltyClaimGraphType : ObjectGraphType<PenaltyClaim>
{
    public PenaltyClaimGraphType()
    {
        Name = "PenaltyClaim";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("PenaltyClaim", ctx.Source.Id));
        Field<NonNullGraphType<PieceGraphType>>("piece").Description("The late piece.").Resolve(ctx => ctx.Loaders().Pieces.Load(ctx.Source.PieceId));
        Field<NonNullGraphType<PieceGraphType>>("claimPiece").Description("The debit note claiming the penalties.").Resolve(ctx => ctx.Loaders().Pieces.Load(ctx.Source.ClaimPieceId));
        Field(c => c.AsOf);
        Field<NonNullGraphType<MoneyGraphType>>("interest").ResolveAsync(async ctx => new Money(ctx.Source.Interest, await CurrencyAsync(ctx)));
        Field<NonNullGraphType<MoneyGraphType>>("indemnity").ResolveAsync(async ctx => new Money(ctx.Source.Indemnity, await CurrencyAsync(ctx)));
        Field<NonNullGraphType<BooleanGraphType>>("waived").Resolve(ctx => ctx.Source.Waived);
        Field(c => c.WaiverReason, nullable: true);
        Field<UserGraphType>("waivedBy").Resolve(ctx => ctx.Source.WaivedBy is { } id ? ctx.Loaders().Users.Load(id) : null);
    }

    private static async Task<string> CurrencyAsync(IResolveFieldContext<PenaltyClaim> context) =>
        (await context.Loaders().Pieces.Load(context.Source.ClaimPieceId).GetResultAsync(context.CancellationToken))!.Currency;
}

/// <summary>applyLatePenalties and waiveLatePenalty.</summary>
public static class PenaltyMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        MutationFields.Add<ApplyLatePenaltiesInputGraphType, ApplyLatePenaltiesPayloadGraphType, IReadOnlyList<PenaltyClaim>>(mutation, "applyLatePenalties",
            "Records a client's penalties as of a date as debit notes of their own, for what was not claimed yet.", Policies.Write,
            (ctx, input) => ctx.Service<ApplyLatePenalties>().ExecuteAsync(
                GlobalId.DecodeAs("Client", input.Value<string>("clientId")), input.Value<DateOnly?>("asOf"), ctx.Principal().UserId, ctx.CancellationToken));
        MutationFields.Add<WaiveLatePenaltyInputGraphType, PenaltyClaimPayloadGraphType, PenaltyClaim>(mutation, "waiveLatePenalty",
            "Waives a penalty claim with a reason (its debit note is settled).", Policies.Admin,
            (ctx, input) => ctx.Service<WaiveLatePenalty>().ExecuteAsync(
                GlobalId.DecodeAs("PenaltyClaim", input.Value<string>("claimId")), input.Value<string>("reason"), ctx.Principal().UserId, ctx.CancellationToken));
    }
}

/// <summary>The input of applyLatePenalties.</summary>
public sealed class ApplyLatePenaltiesInputGraphType : InputObjectGraphType
{
    public ApplyLatePenaltiesInputGraphType()
    {
        Name = "ApplyLatePenaltiesInput";
        Field<NonNullGraphType<IdGraphType>>("clientId");
        Field<DateScalar>("asOf").Description("Default today; not in the future.");
    }
}

/// <summary>The input of waiveLatePenalty.</summary>
public sealed class WaiveLatePenaltyInputGraphType : InputObjectGraphType
{
    public WaiveLatePenaltyInputGraphType()
    {
        Name = "WaiveLatePenaltyInput";
        Field<NonNullGraphType<IdGraphType>>("claimId");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}

/// <summary>The claims recorded.</summary>
public sealed class ApplyLatePenaltiesPayloadGraphType()
    : PayloadGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<PenaltyClaimGraphType>>>, IReadOnlyList<PenaltyClaim>>(
        "ApplyLatePenaltiesPayload", "claims", Array.Empty<PenaltyClaim>());

/// <summary>The claim waived.</summary>
public sealed class PenaltyClaimPayloadGraphType() : PayloadGraphType<PenaltyClaimGraphType, PenaltyClaim>("PenaltyClaimPayload", "claim");
