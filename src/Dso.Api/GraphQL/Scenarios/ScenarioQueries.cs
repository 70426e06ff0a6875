using Dso.Api.GraphQL.Common;
using Dso.Domain.Persistence;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.GraphQL.Scenarios;

/// <summary>Root fields of the scenarios feature.</summary>
public static class ScenarioQueries
{
    public static void Register(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScenarioGraphType>>>>("scenarios")
            .Description("The scenarios in use (not archived), the default first.")
            .ResolveAsync(async ctx => await ctx.Service<DsoDbContext>().Scenarios.AsNoTracking().Include(s => s.Steps)
                .Where(s => !s.Archived).OrderByDescending(s => s.IsDefault).ThenBy(s => s.Name)
                .ToListAsync(ctx.CancellationToken));
}
