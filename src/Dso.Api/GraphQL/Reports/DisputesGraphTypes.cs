using Dso.Domain.Common;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Statuses;
using Dso.Domain.Reports;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Reports;

/// <summary>The disputes report.</summary>
public sealed class DisputesReportGraphType : ObjectGraphType<DisputesReport>
{
    public DisputesReportGraphType()
    {
        Name = "DisputesReport";
        Field(r => r.From);
        Field(r => r.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DisputeReportLineGraphType>>>>("lines").Resolve(ctx => ctx.Source.Lines.Select(l => (l, ctx.Source.Currency)));
    }
}

/// <summary>One dispute status over the period.</summary>
public sealed class DisputeReportLineGraphType : ObjectGraphType<(DisputeReportLine Line, string Currency)>
{
    public DisputeReportLineGraphType()
    {
        Name = "DisputeReportLine";
        Field<NonNullGraphType<StatusGraphType>>("status").Resolve(ctx => ctx.Loaders().Statuses.Load(ctx.Source.Line.StatusId));
        Field<NonNullGraphType<IntGraphType>>("openCount").Description("Disputes still open at the end of the period.").Resolve(ctx => ctx.Source.Line.OpenCount);
        Field<NonNullGraphType<MoneyGraphType>>("openAmount").Resolve(ctx => new Money(ctx.Source.Line.OpenAmount, ctx.Source.Currency));
        Field<NonNullGraphType<IntGraphType>>("openedCount").Resolve(ctx => ctx.Source.Line.OpenedCount);
        Field<NonNullGraphType<IntGraphType>>("resolvedCount").Resolve(ctx => ctx.Source.Line.ResolvedCount);
        Field<NonNullGraphType<MoneyGraphType>>("resolvedAmount").Description("What the resolved pieces owed when their dispute opened.")
            .Resolve(ctx => new Money(ctx.Source.Line.ResolvedAmount, ctx.Source.Currency));
        Field<DecimalScalar>("averageResolutionDays").Resolve(ctx => ctx.Source.Line.AverageResolutionDays is { } days ? DecimalScalar.Fixed(days, 1) : null);
    }
}
