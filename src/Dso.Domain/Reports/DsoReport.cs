namespace Dso.Domain.Reports;

/// <summary>Days sales outstanding on a date, its monthly history, and its split into best possible DSO and days delinquent.</summary>
public sealed record DsoReport(DsoMethod Method, DateOnly AsOf, decimal Days, decimal BestPossibleDays, decimal AverageDaysDelinquent, IReadOnlyList<DsoPoint> History);

/// <summary>The DSO on a month end.</summary>
public sealed record DsoPoint(DateOnly Month, decimal Days);
