using Dso.Domain.Common;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Statuses;
using Dso.Domain.Reports;
using Dso.Domain.Statuses;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Reports;

/// <summary>The status report.</summary>
public sealed class StatusReportGraphType : ObjectGraphType<StatusReport>
{
    public StatusReportGraphType()
    {
        Name = "StatusReport";
        Field(r => r.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusReportLineGraphType>>>>("lines")
            .Description("Per category a line without status (its total), followed by one line per status.")
            .Resolve(ctx => ctx.Source.Lines.Select(l => (l, ctx.Source.Currency)));
        Field<NonNullGraphType<MoneyGraphType>>("overdueTotal").Resolve(ctx => new Money(ctx.Source.OverdueTotal, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("qualifiedOverdue").Resolve(ctx => new Money(ctx.Source.QualifiedOverdue, ctx.Source.Currency));
        Field<NonNullGraphType<DecimalScalar>>("qualificationRate").Description("qualifiedOverdue ÷ overdueTotal, four decimals.").Resolve(ctx => DecimalScalar.Fixed(ctx.Source.QualificationRate, 4));
        Field<NonNullGraphType<MoneyGraphType>>("unqualified").Description("Overdue amount carrying no status.").Resolve(ctx => new Money(ctx.Source.Unqualified, ctx.Source.Currency));
        Field<NonNullGraphType<IntGraphType>>("unqualifiedCount").Resolve(ctx => ctx.Source.UnqualifiedCount);
    }
}

/// <summary>A category's or a status's overdue amount.</summary>
public sealed class StatusReportLineGraphType : ObjectGraphType<(StatusReportLine Line, string Currency)>
{
    public StatusReportLineGraphType()
    {
        Name = "StatusReportLine";
        Field<NonNullGraphType<EnumerationGraphType<StatusCategory>>>("category").Resolve(ctx => ctx.Source.Line.Category);
        Field<StatusGraphType>("status").Description("Null on the category's total line.")
            .Resolve(ctx => ctx.Source.Line.StatusId is { } id ? ctx.Loaders().Statuses.Load(id) : null);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Resolve(ctx => new Money(ctx.Source.Line.Amount, ctx.Source.Currency));
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.Line.Count);
    }
}
