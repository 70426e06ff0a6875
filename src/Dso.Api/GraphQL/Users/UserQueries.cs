using Dso.Api.GraphQL.Common;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Users;

/// <summary>Root fields of the users feature.</summary>
public static class UserQueries
{
    public static void Register(ObjectGraphType query) =>
        query.Field<NonNullGraphType<UserGraphType>>("me")
            .Description("The user the API key or token belongs to.")
            .Resolve(ctx => ctx.Loaders().Users.Load(ctx.Principal().UserId));
}
