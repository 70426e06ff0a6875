using Dso.Domain.Common;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Reports;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Reports;

/// <summary>The collections report.</summary>
public sealed class CollectionsReportGraphType : ObjectGraphType<CollectionsReport>
{
    public CollectionsReportGraphType()
    {
        Name = "CollectionsReport";
        Field(r => r.From);
        Field(r => r.To);
        Field<NonNullGraphType<EnumerationGraphType<Granularity>>>("granularity").Resolve(ctx => ctx.Source.Granularity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CollectedPeriodGraphType>>>>("periods").Resolve(ctx => ctx.Source.Periods.Select(p => (p, ctx.Source.Currency)));
        Field<NonNullGraphType<MoneyGraphType>>("total").Resolve(ctx => new Money(ctx.Source.Total, ctx.Source.Currency));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EffectivenessPointGraphType>>>>("effectiveness")
            .Description("The collection effectiveness index of each calendar month of the range.").Resolve(ctx => ctx.Source.Effectiveness);
    }
}

/// <summary>Cash collected in one period.</summary>
public sealed class CollectedPeriodGraphType : ObjectGraphType<(CollectedPeriod Period, string Currency)>
{
    public CollectedPeriodGraphType()
    {
        Name = "CollectedPeriod";
        Field<NonNullGraphType<DateScalar>>("start").Resolve(ctx => ctx.Source.Period.Start);
        Field<NonNullGraphType<DateScalar>>("end").Resolve(ctx => ctx.Source.Period.End);
        Field<NonNullGraphType<MoneyGraphType>>("collected").Resolve(ctx => new Money(ctx.Source.Period.Collected, ctx.Source.Currency));
    }
}

/// <summary>A month's collection effectiveness index.</summary>
public sealed class EffectivenessPointGraphType : ObjectGraphType<EffectivenessPoint>
{
    public EffectivenessPointGraphType()
    {
        Name = "EffectivenessPoint";
        Field(p => p.Start);
        Field(p => p.End);
        Field<DecimalScalar>("index").Description("0 to 1 (four decimals); null when nothing was collectable.").Resolve(ctx => ctx.Source.Index is { } index ? DecimalScalar.Fixed(index, 4) : null);
    }
}
