using Dso.Domain.Common;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Reports;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Reports;

/// <summary>The cash forecast.</summary>
public sealed class CashForecastGraphType : ObjectGraphType<CashForecast>
{
    public CashForecastGraphType()
    {
        Name = "CashForecast";
        Field(f => f.From);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ForecastPeriodGraphType>>>>("periods").Resolve(ctx => ctx.Source.Periods.Select(p => (p, ctx.Source.Currency)));
        Field<NonNullGraphType<MoneyGraphType>>("unscheduled").Description("Open amounts whose expected date is already past.")
            .Resolve(ctx => new Money(ctx.Source.Unscheduled, ctx.Source.Currency));
    }
}

/// <summary>One week of the forecast.</summary>
public sealed class ForecastPeriodGraphType : ObjectGraphType<(ForecastPeriod Period, string Currency)>
{
    public ForecastPeriodGraphType()
    {
        Name = "ForecastPeriod";
        Field<NonNullGraphType<DateScalar>>("start").Resolve(ctx => ctx.Source.Period.Start);
        Field<NonNullGraphType<DateScalar>>("end").Resolve(ctx => ctx.Source.Period.End);
        Field<NonNullGraphType<MoneyGraphType>>("expected").Resolve(ctx => new Money(ctx.Source.Period.Expected, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("fromPromises").Resolve(ctx => new Money(ctx.Source.Period.FromPromises, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("fromBehaviour").Resolve(ctx => new Money(ctx.Source.Period.FromBehaviour, ctx.Source.Currency));
    }
}
