using Dso.Api.GraphQL.Common;
using Dso.Domain.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.GraphQL.Statuses;

/// <summary>Root fields of the statuses feature.</summary>
public static class StatusQueries
{
    public static void Register(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusGraphType>>>>("statuses")
            .Argument<BooleanGraphType>("includeArchived", a => a.DefaultValue = false)
            .ResolveAsync(async ctx =>
            {
                var includeArchived = ctx.GetArgument<bool>("includeArchived");
                var statuses = await ctx.Service<DsoDbContext>().Statuses.AsNoTracking()
                    .Where(s => includeArchived || !s.Archived)
                    .ToListAsync(ctx.CancellationToken);
                return statuses.OrderBy(s => s.Category).ThenBy(s => s.Name, StringComparer.Ordinal);
            });
}
