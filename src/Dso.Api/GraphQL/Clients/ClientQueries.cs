using Dso.Api.GraphQL.Common;
using Dso.Domain.Clients;
using Dso.Domain.Common.Paging;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Clients;

/// <summary>Root fields of the clients feature.</summary>
public static class ClientQueries
{
    public static void Register(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<ClientGraphType, Client>>>("clients")
            .Argument<ClientFilterInputType>("filter")
            .Argument<ListGraphType<NonNullGraphType<ClientOrderInputType>>>("orderBy")
            .Paged()
            .ResolveAsync(async ctx =>
            {
                var page = await ctx.Service<ListClients>().ExecuteAsync(
                    ClientFilterInputType.From(ctx.GetArgument<Dictionary<string, object?>?>("filter"), ctx.Principal().UserId),
                    OrderInputs.From<ClientOrderField>(ctx.GetArgument<List<object?>?>("orderBy")),
                    ctx.PageRequest(),
                    ctx.CancellationToken);
                return page.Map(row => row.Client);
            });
}
