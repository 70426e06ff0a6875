using Dso.Api.GraphQL.Common;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>A payment promise.</summary>
public sealed class PaymentPromiseGraphType : ObjectGraphType<PaymentPromise>
{
    public PaymentPromiseGraphType()
    {
        Name = "PaymentPromise";
        Field(p => p.Date);
        Field<MoneyGraphType>("amount").Resolve(ctx => ctx.Source.Amount is { } a ? new Money(a, ctx.Source.Currency) : null);
    }
}
