using System.Globalization;
using Dso.Domain.Common;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>Money: the amount with as many decimals as its currency has minor units.</summary>
public sealed class MoneyGraphType : ObjectGraphType<Money>
{
    public MoneyGraphType()
    {
        Name = "Money";
        Field<NonNullGraphType<DecimalScalar>>("amount")
            .Resolve(ctx => Format(ctx.Source))
            .Description("The amount, signed from the company's side (credits are negative).");
        Field(m => m.Currency).Description("ISO 4217 code.");
    }

    public static string Format(Money money) =>
        money.Amount.ToString("F" + Currency.MinorUnits(money.Currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
