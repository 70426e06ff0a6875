using Dso.Api.GraphQL.Common;
using Dso.Domain.Penalties;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Penalties;

/// <summary>Root fields of the penalties feature.</summary>
public static class PenaltyQueries
{
    public static void Register(ObjectGraphType query) =>
        query.Field<NonNullGraphType<LatePenaltiesGraphType>>("latePenalties")
            .Description("The late-payment interest and indemnities a client owes as of a date (default today), computed, not recorded.")
            .Argument<NonNullGraphType<IdGraphType>>("clientId")
            .Argument<DateScalar>("asOf")
            .ResolveAsync(async ctx => await ctx.Service<ListLatePenalties>().ExecuteAsync(
                    GlobalId.DecodeAs("Client", ctx.GetArgument<string>("clientId")) ?? -1, ctx.GetArgument<DateOnly?>("asOf"), ctx.CancellationToken)
                ?? throw new ExecutionError("No such client.") { Code = "NOT_FOUND" });
}
