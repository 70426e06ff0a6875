using Dso.Domain.Users;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.GraphQL.Users;

/// <summary>Root fields of the users feature.</summary>
public static class UserQueries
{
    public static void Register(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<UserGraphType>>("me")
            .Description("The user the API key or token belongs to.")
            .Resolve(ctx => ctx.Loaders().Users.Load(ctx.Principal().UserId));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserGraphType>>>>("users")
            .Description("The organization's users, by name; archived ones only when asked.")
            .Argument<BooleanGraphType>("includeArchived", arg => arg.DefaultValue = false)
            .ResolveAsync(async ctx => await ctx.Service<ListUsers>().ExecuteAsync(ctx.GetArgument<bool>("includeArchived"), ctx.CancellationToken));
    }
}
