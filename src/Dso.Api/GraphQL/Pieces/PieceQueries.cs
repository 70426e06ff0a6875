using Dso.Api.GraphQL.Common;
using Dso.Domain.Common.Paging;
using Dso.Domain.Pieces;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>Root fields of the pieces feature.</summary>
public static class PieceQueries
{
    public static void Register(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<PieceGraphType, Piece>>>("pieces")
            .Argument<PieceFilterInputType>("filter")
            .Argument<ListGraphType<NonNullGraphType<PieceOrderInputType>>>("orderBy")
            .Paged()
            .ResolveAsync(async ctx => await ListAsync(ctx, clientId: null));

    /// <summary>The pieces connection, optionally within one client.</summary>
    public static Task<Page<Piece>> ListAsync(IResolveFieldContext context, long? clientId)
    {
        var filter = PieceFilterInputType.From(context.GetArgument<Dictionary<string, object?>?>("filter"));
        if (clientId is not null)
        {
            filter = (filter ?? new PieceFilter()) with { ClientId = clientId };
        }

        return context.Service<ListPieces>().ExecuteAsync(
            filter,
            OrderInputs.From<PieceOrderField>(context.GetArgument<List<object?>?>("orderBy")),
            context.PageRequest(),
            context.CancellationToken);
    }
}
