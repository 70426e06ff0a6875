namespace Dso.Domain.Reports;

/// <summary>The reports that can be exported.</summary>
public enum ReportKind
{
    AgedBalance,
    Dso,
    StatusReport,
    CashForecast,
    Disputes,
    Collections,
}

/// <summary>A report and its arguments, as the GraphQL fields take them (each report reads the ones it has).</summary>
public sealed record ReportRequest(
    ReportKind Kind,
    DateOnly? AsOf = null,
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<int>? BucketBounds = null,
    DsoMethod Method = DsoMethod.Countback,
    int Months = 12,
    int Weeks = 12,
    Granularity Granularity = Granularity.Month);
