using Dso.Domain.Common;

namespace Dso.Domain.Organizations;

/// <summary>A company using Dso: it owns every client, piece, status and scenario below it.</summary>
public sealed class Organization : IEntity
{
    private Organization()
    {
    }

    public Organization(string name, string mainCurrency, string timeZone, DateTimeOffset createdAt)
    {
        Name = name;
        MainCurrency = mainCurrency;
        TimeZone = timeZone;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>ISO 4217 code every report is converted to.</summary>
    public string MainCurrency { get; private set; } = "EUR";

    /// <summary>IANA time zone that decides what "today" is for this organization.</summary>
    public string TimeZone { get; private set; } = "Europe/Paris";

    public OrganizationSettings Settings { get; private set; } = new();

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last date the morning job ran the scenarios for (claimed before the run, so one instance runs it).</summary>
    public DateOnly? ScenariosRunOn { get; private set; }

    /// <summary>The business date in the organization's time zone.</summary>
    public DateOnly Today(TimeProvider clock) => BusinessCalendar.Today(clock, TimeZone);

    /// <summary>The business date of an instant in the organization's time zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => BusinessCalendar.DateOf(instant, TimeZone);
}
