using Dso.Api.GraphQL.Common;
using Dso.Domain.Reports;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Reports;

/// <summary>Days sales outstanding.</summary>
public sealed class DsoReportGraphType : ObjectGraphType<DsoReport>
{
    public DsoReportGraphType()
    {
        Name = "DsoReport";
        Field<NonNullGraphType<EnumerationGraphType<DsoMethod>>>("method").Resolve(ctx => ctx.Source.Method);
        Field(r => r.AsOf);
        Field<NonNullGraphType<DecimalScalar>>("days").Description("One decimal.").Resolve(ctx => DecimalScalar.Fixed(ctx.Source.Days, 1));
        Field<NonNullGraphType<DecimalScalar>>("bestPossibleDays").Description("The same method applied to the receivables not yet due.")
            .Resolve(ctx => DecimalScalar.Fixed(ctx.Source.BestPossibleDays, 1));
        Field<NonNullGraphType<DecimalScalar>>("averageDaysDelinquent").Description("days − bestPossibleDays.").Resolve(ctx => DecimalScalar.Fixed(ctx.Source.AverageDaysDelinquent, 1));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DsoPointGraphType>>>>("history").Description("One value per month end, oldest first.")
            .Resolve(ctx => ctx.Source.History);
    }
}

/// <summary>The DSO on a month end.</summary>
public sealed class DsoPointGraphType : ObjectGraphType<DsoPoint>
{
    public DsoPointGraphType()
    {
        Name = "DsoPoint";
        Field(p => p.Month).Description("The month end.");
        Field<NonNullGraphType<DecimalScalar>>("days").Resolve(ctx => DecimalScalar.Fixed(ctx.Source.Days, 1));
    }
}
