namespace Dso.Domain.Organizations;

/// <summary>Business dates: what day it is in a time zone, and whether a zone exists.</summary>
public static class BusinessCalendar
{
    /// <summary>The instant a local day starts in the time zone.</summary>
    public static DateTimeOffset StartOf(DateOnly date, string timeZone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById(timeZone)), TimeSpan.Zero);

    public static DateOnly Today(TimeProvider clock, string timeZone) => DateOf(clock.GetUtcNow(), timeZone);

    /// <summary>The business date of an instant in a time zone.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, string timeZone) => DateOnly.FromDateTime(LocalTime(instant, timeZone));

    /// <summary>The wall-clock date and time of an instant in a time zone.</summary>
    public static DateTime LocalTime(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime;

    public static bool IsKnownTimeZone(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _);

    /// <summary>Days overdue on <paramref name="on"/>: the days past the due date, 0 when not yet due.</summary>
    public static int DaysOverdue(DateOnly dueDate, DateOnly on) => Math.Max(0, on.DayNumber - dueDate.DayNumber);
}
