using Cronos;

namespace Dso.Domain.Connections;

/// <summary>
/// A connection's schedule: a cron expression of five fields (or six, with seconds first), evaluated in the
/// organization's time zone, so "0 6 * * 1-5" runs at 6 a.m. Paris time whatever the season.
/// </summary>
public static class SyncSchedule
{
    /// <summary>Every four hours, on the hour.</summary>
    public const string Default = "0 */4 * * *";

    /// <summary>Why the expression does not parse, or null when it does.</summary>
    public static string? Problem(string expression) => TryParse(expression, out _, out var problem) ? null : problem;

    /// <summary>The first run strictly after <paramref name="after"/>, or null when the expression never fires again.</summary>
    public static DateTimeOffset? Next(string expression, string timeZone, DateTimeOffset after) =>
        TryParse(expression, out var cron, out _) ? cron!.GetNextOccurrence(after, TimeZoneInfo.FindSystemTimeZoneById(timeZone)) : null;

    private static bool TryParse(string expression, out CronExpression? cron, out string problem)
    {
        var text = expression.Trim();
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        (cron, problem) = (null, "");
        if (fields is not (5 or 6))
        {
            problem = $"'{text}' is not a cron expression: it needs five fields (minute hour day month weekday), or six with seconds first.";
            return false;
        }

        try
        {
            cron = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return true;
        }
        catch (CronFormatException e)
        {
            problem = $"'{text}' is not a cron expression: {e.Message}";
            return false;
        }
    }
}
