using Dso.Api.GraphQL.Common;
using Dso.Domain.Reports;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Reports;

/// <summary>The <c>reports</c> root field: every report is computed in the database when its field is selected.</summary>
public static class ReportQueries
{
    public static void Register(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ReportsGraphType>>("reports")
            .Description("The collection reports, as of a date (default today), in the organization's main currency.")
            .Resolve(_ => ReportsGraphType.Root);
}

/// <summary>The reports; each takes its own dates.</summary>
public sealed class ReportsGraphType : ObjectGraphType<object>
{
    public static readonly object Root = new();

    public ReportsGraphType()
    {
        Name = "Reports";
        Field<NonNullGraphType<AgedBalanceGraphType>>("agedBalance")
            .Description("Open amounts by days overdue on a date; credits in a bucket of their own.")
            .Argument<DateScalar>("asOf")
            .Argument<ListGraphType<NonNullGraphType<IntGraphType>>>("bucketBounds", "Increasing days overdue that end each bucket (default 30, 60, 90).")
            .ResolveAsync(async ctx => (await ctx.Service<ComputeAgedBalance>().ExecuteAsync(
                ctx.GetArgument<DateOnly?>("asOf"), ctx.GetArgument<List<int>?>("bucketBounds"), ctx.CancellationToken)).OrThrow());
        Field<NonNullGraphType<DsoReportGraphType>>("dso")
            .Description("Days sales outstanding on a date, with one value per month end.")
            .Argument<NonNullGraphType<EnumerationGraphType<DsoMethod>>>("method", a => a.DefaultValue = DsoMethod.Countback)
            .Argument<DateScalar>("asOf")
            .Argument<NonNullGraphType<IntGraphType>>("months", "Month ends in the history, 0 to 36.", a => a.DefaultValue = 12)
            .ResolveAsync(async ctx => (await ctx.Service<ComputeDso>().ExecuteAsync(
                ctx.GetArgument<DsoMethod>("method"), ctx.GetArgument<DateOnly?>("asOf"), ctx.GetArgument<int>("months"), ctx.CancellationToken)).OrThrow());
        Field<NonNullGraphType<StatusReportGraphType>>("statusReport")
            .Description("Overdue amounts by status category and status, and the qualification rate.")
            .Argument<DateScalar>("asOf")
            .ResolveAsync(async ctx => await ctx.Service<ComputeStatusReport>().ExecuteAsync(ctx.GetArgument<DateOnly?>("asOf"), ctx.CancellationToken));
        Field<NonNullGraphType<CashForecastGraphType>>("cashForecast")
            .Description("Expected collections per week from a date: promises, then each client's payment behaviour.")
            .Argument<DateScalar>("from")
            .Argument<NonNullGraphType<IntGraphType>>("weeks", "1 to 104.", a => a.DefaultValue = 12)
            .ResolveAsync(async ctx => (await ctx.Service<ComputeCashForecast>().ExecuteAsync(
                ctx.GetArgument<DateOnly?>("from"), ctx.GetArgument<int>("weeks"), ctx.CancellationToken)).OrThrow());
        Field<NonNullGraphType<DisputesReportGraphType>>("disputes")
            .Description("Disputes open at the end of a period, opened and resolved within it, by dispute status (default: the last 30 days).")
            .Argument<DateScalar>("from")
            .Argument<DateScalar>("to")
            .ResolveAsync(async ctx => (await ctx.Service<ComputeDisputesReport>().ExecuteAsync(
                ctx.GetArgument<DateOnly?>("from"), ctx.GetArgument<DateOnly?>("to"), ctx.CancellationToken)).OrThrow());
        Field<NonNullGraphType<CollectionsReportGraphType>>("collections")
            .Description("Cash collected per period and the monthly collection effectiveness index (default: the month to date).")
            .Argument<DateScalar>("from")
            .Argument<DateScalar>("to")
            .Argument<NonNullGraphType<EnumerationGraphType<Granularity>>>("granularity", a => a.DefaultValue = Granularity.Month)
            .ResolveAsync(async ctx => (await ctx.Service<ComputeCollectionsReport>().ExecuteAsync(
                ctx.GetArgument<DateOnly?>("from"), ctx.GetArgument<DateOnly?>("to"), ctx.GetArgument<Granularity>("granularity"), ctx.CancellationToken)).OrThrow());
    }
}
