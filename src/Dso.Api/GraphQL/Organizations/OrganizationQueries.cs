using Dso.Api.GraphQL.Common;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Organizations;

/// <summary>Root fields of the organization feature.</summary>
public static class OrganizationQueries
{
    public static void Register(ObjectGraphType query) =>
        query.Field<NonNullGraphType<OrganizationGraphType>>("organization")
            .Description("The caller's organization.")
            .ResolveAsync(async ctx => await ctx.Loaders().OrganizationAsync(ctx.CancellationToken));
}
