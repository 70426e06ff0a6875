using Dso.Api.GraphQL.Common;
using Dso.Domain.ExchangeRates;
using GraphQL.Types;

namespace Dso.Api.GraphQL.ExchangeRates;

/// <summary>A dated exchange rate to the main currency.</summary>
public sealed class ExchangeRateGraphType : ObjectGraphType<ExchangeRate>
{
    public ExchangeRateGraphType()
    {
        Name = "ExchangeRate";
        Field(r => r.Currency);
        Field(r => r.Date).Description("The rate applies from this date until the next one.");
        Field<NonNullGraphType<DecimalScalar>>("rate").Description("Main-currency units for one unit of the currency.").Resolve(ctx => ctx.Source.Rate);
    }
}

/// <summary>One rate of upsertExchangeRates.</summary>
public sealed class ExchangeRateInputGraphType : InputObjectGraphType
{
    public ExchangeRateInputGraphType()
    {
        Name = "ExchangeRateInput";
        Field<NonNullGraphType<StringGraphType>>("currency");
        Field<NonNullGraphType<DateScalar>>("date");
        Field<NonNullGraphType<DecimalScalar>>("rate");
    }
}

/// <summary>The input of upsertExchangeRates.</summary>
public sealed class UpsertExchangeRatesInputGraphType : InputObjectGraphType
{
    public UpsertExchangeRatesInputGraphType()
    {
        Name = "UpsertExchangeRatesInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExchangeRateInputGraphType>>>>("rates");
    }
}

/// <summary>The rates written.</summary>
public sealed class UpsertExchangeRatesPayloadGraphType() : PayloadGraphType<ListGraphType<NonNullGraphType<ExchangeRateGraphType>>, IReadOnlyList<ExchangeRate>>(
    "UpsertExchangeRatesPayload", "exchangeRates", Array.Empty<ExchangeRate>());
