namespace Dso.Domain.Messaging;

/// <summary>
/// When an organization's messages may go out: some days of the week, between two times, in the organization's time
/// zone (default Monday to Friday, 08:00 to 19:00). A message the window blocks waits in the outbox until it opens.
/// </summary>
public sealed record SendWindow(IReadOnlySet<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    public static readonly SendWindow Default = new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, new(8, 0), new(19, 0));

    /// <summary>The days as a bit set (bit <c>n</c> for <see cref="DayOfWeek"/> <c>n</c>), as the settings store them.</summary>
    public int DayBits => Days.Aggregate(0, (bits, day) => bits | (1 << (int)day));

    public static IReadOnlySet<DayOfWeek> DaysOf(int bits) => Enum.GetValues<DayOfWeek>().Where(d => (bits & (1 << (int)d)) != 0).ToHashSet();

    /// <summary>Whether a message may go out at this local time.</summary>
    public bool IsOpen(DateTime local) => Days.Contains(local.DayOfWeek) && TimeOnly.FromDateTime(local) >= From && TimeOnly.FromDateTime(local) < To;

    /// <summary>A window from what a caller gives, or the reason it is not one.</summary>
    public static SendWindow? Parse(IReadOnlyCollection<DayOfWeek> days, string from, string to, out string? problem)
    {
        problem = null;
        if (days.Count == 0)
        {
            problem = "A send window needs at least one day.";
        }
        else if (!TimeOnly.TryParseExact(from, "HH:mm", out var start) || !TimeOnly.TryParseExact(to, "HH:mm", out var end))
        {
            problem = "from and to are times written HH:MM (08:00).";
        }
        else if (end <= start)
        {
            problem = "A send window ends after it starts.";
        }
        else
        {
            return new SendWindow(days.ToHashSet(), start, end);
        }

        return null;
    }
}
