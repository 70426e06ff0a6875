using Dso.Api.GraphQL.Common;
using Dso.Domain.Actions;
using Dso.Domain.Common.Paging;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Actions;

/// <summary>Root fields of the actions feature.</summary>
public static class ActionQueries
{
    public static void Register(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<ActionGraphType, CollectionAction>>>("agenda")
            .Description("Planned actions due on or before the date (default today), oldest first, then the largest open amount.")
            .Argument<DateScalar>("date")
            .Argument<IdGraphType>("assigneeId")
            .Paged(backward: false)
            .ResolveAsync(async ctx =>
            {
                var assignee = ctx.GetArgument<string?>("assigneeId") is { } id ? GlobalId.DecodeAs("User", id) ?? -1 : (long?)null;
                var page = await ctx.Service<ListAgenda>().ExecuteAsync(ctx.Principal(), ctx.GetArgument<DateOnly?>("date"), assignee, ctx.PageRequest(), ctx.CancellationToken);
                return page.Map(row => row.Action);
            });
}
