using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.DataLoading;
using Dso.Api.GraphQL.Statuses;
using Dso.Api.GraphQL.Users;
using Dso.Domain.Pieces;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>One entry of a piece's qualification history.</summary>
public sealed class StatusChangeGraphType : ObjectGraphType<StatusChange>
{
    public StatusChangeGraphType()
    {
        Name = "StatusChange";
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<UserGraphType>("by").Resolve(ctx => ctx.Source.UserId is { } id ? ctx.Loaders().Users.Load(id) : null);
        Field<StatusGraphType>("status").Resolve(ctx => ctx.Source.StatusId is { } id ? ctx.Loaders().Statuses.Load(id) : null);
        Field(c => c.Comment, nullable: true);
        Field<PaymentPromiseGraphType>("promise").Resolve(ctx => ctx.Source.PromiseDate is { } date
            ? ctx.Loaders().Pieces.Load(ctx.Source.PieceId).Then(async (piece, ct) =>
                new PaymentPromise(date, ctx.Source.PromisedAmount, (await ctx.Loaders().OrganizationAsync(ct)).DateOf(ctx.Source.At), piece!))
            : null);
    }
}
