namespace Dso.Domain.Reports;

/// <summary>The length of a report's periods: days, weeks (Monday to Sunday) or calendar months, clipped to the report's range.</summary>
public enum Granularity
{
    Day,
    Week,
    Month,
}
