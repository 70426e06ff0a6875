using Dso.Domain.Common;

namespace Dso.Domain.Statuses;

/// <summary>A qualification a collector gives a piece ("Litige prix", "Promesse de règlement"...).</summary>
public sealed class Status : ITenantOwned
{
    public const int DefaultFollowUpDays = 7;

    private Status()
    {
    }

    public Status(long organizationId, string name, StatusCategory category, int followUpDays)
    {
        OrganizationId = organizationId;
        Name = name;
        Category = category;
        FollowUpDays = followUpDays;
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public string Name { get; private set; } = "";

    public StatusCategory Category { get; private set; }

    /// <summary>Days after qualification at which a follow-up action falls due.</summary>
    public int FollowUpDays { get; private set; } = DefaultFollowUpDays;

    public bool Archived { get; private set; }

    public void Update(string? name, int? followUpDays)
    {
        Name = name ?? Name;
        FollowUpDays = followUpDays ?? FollowUpDays;
    }

    public void Archive() => Archived = true;
}
