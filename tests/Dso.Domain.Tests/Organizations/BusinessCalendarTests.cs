using Dso.Domain.Organizations;
using Microsoft.Extensions.Time.Testing;

namespace Dso.Domain.Tests.Organizations;

public class BusinessCalendarTests
{
    [Theory]
    [InlineData("2025-06-01", "2025-06-10", 9)]
    [InlineData("2025-06-10", "2025-06-10", 0)]
    [InlineData("2025-06-20", "2025-06-10", 0)]
    [InlineData("2025-03-31", "2025-06-30", 91)]
    public void DaysOverdue_IsDaysPastDueDate_OrZeroWhenNotYetDue(string due, string on, int expected) =>
        Assert.Equal(expected, BusinessCalendar.DaysOverdue(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Today_DependsOnTheOrganizationTimeZone_AtTheSameInstant()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 30, 14, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2025, 7, 1), BusinessCalendar.Today(clock, "Pacific/Noumea"));
        Assert.Equal(new DateOnly(2025, 6, 30), BusinessCalendar.Today(clock, "America/Los_Angeles"));
        Assert.Equal(new DateOnly(2025, 6, 30), BusinessCalendar.Today(clock, "Europe/Paris"));
    }
}
