using Dso.Domain.Common;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.DataLoading;
using Dso.Domain.Pieces;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>A payment promise, and whether it was kept (from the piece's balance history).</summary>
public sealed class PaymentPromiseGraphType : ObjectGraphType<PaymentPromise>
{
    public PaymentPromiseGraphType()
    {
        Name = "PaymentPromise";
        Field(p => p.Date);
        Field<MoneyGraphType>("amount").Resolve(ctx => ctx.Source.Amount is { } a ? new Money(a, ctx.Source.Piece.Currency) : null);
        Field<BooleanGraphType>("kept")
            .Description("True once the open amount fell by the promised amount (or to 0) by the date; false after the date if not; null before.")
            .Resolve(ctx => ctx.Loaders().BalanceHistoryOfPiece.Load(ctx.Source.Piece.Id).Then(async (history, ct) =>
            {
                var today = (await ctx.Loaders().OrganizationAsync(ct)).Today(ctx.Service<TimeProvider>());
                var piece = ctx.Source.Piece;
                return PromiseKeeping.Decide(ctx.Source.Amount, ctx.Source.MadeOn, ctx.Source.Date,
                    day => Piece.OpenAmountOn(history ?? [], piece.Amount, piece.IssueDate, day), today);
            }));
    }
}
