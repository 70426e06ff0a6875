using Dso.Api.GraphQL.Common;
using Dso.Domain.Persistence;
using Dso.Domain.Scenarios;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.GraphQL.Scenarios;

/// <summary>Root fields of the scenarios feature.</summary>
public static class ScenarioQueries
{
    public static void Register(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScenarioGraphType>>>>("scenarios")
            .Description("The scenarios in use (not archived), the default first.")
            .ResolveAsync(async ctx => await ctx.Service<ListScenarios>().ExecuteAsync(ctx.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<Actions.ActionGraphType>>>>("scenarioPreview")
            .Description("What a scenario run on the date (default today) would create, with no side effect (the actions have no usable id).")
            .Argument<DateScalar>("date")
            .ResolveAsync(async ctx => await ctx.Service<PreviewScenarios>().ExecuteAsync(ctx.GetArgument<DateOnly?>("date"), ctx.CancellationToken));
    }
}
