using Dso.Domain.Statuses;
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
            .ResolveAsync(async ctx => await ctx.Service<ListStatuses>().ExecuteAsync(ctx.GetArgument<bool>("includeArchived"), ctx.CancellationToken));
}
