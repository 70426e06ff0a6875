using Dso.Domain.Common;

namespace Dso.Domain.Actions;

/// <summary>One override of the plan, kept for the history: who, when, what, why, and until when.</summary>
public sealed class CollectionOverride : ITenantOwned
{
    private CollectionOverride()
    {
    }

    public CollectionOverride(long organizationId, long clientId, long? actionId, OverrideKind kind, string reason, DateOnly? until, long userId, DateTimeOffset at)
    {
        (OrganizationId, ClientId, ActionId, Kind, Reason, Until, UserId, At) = (organizationId, clientId, actionId, kind, reason, until, userId, at);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long ClientId { get; private set; }

    public long? ActionId { get; private set; }

    public OverrideKind Kind { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>The new date of a postponed action; the end of a pause (null: until resumed).</summary>
    public DateOnly? Until { get; private set; }

    public long UserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
