namespace Dso.Domain.Common;

/// <summary>
/// The organization the current unit of work acts for (one per request, job or command).
/// Unset, it matches nothing: every tenant-owned query then returns no rows.
/// </summary>
public sealed class Tenant
{
    public long? OrganizationId { get; private set; }

    public void Enter(long organizationId)
    {
        if (OrganizationId is { } current && current != organizationId)
        {
            throw new InvalidOperationException("A unit of work acts for one organization only.");
        }

        OrganizationId = organizationId;
    }

    /// <summary>Set when the organization restricts its non-administrators to their portfolio: then only that user's clients, and what hangs from them, are visible.</summary>
    public long? PortfolioUserId { get; private set; }

    public void RestrictToPortfolioOf(long userId) => PortfolioUserId = userId;

    /// <summary>The user whose request this is, for the audit trail.</summary>
    public long? UserId { get; private set; }

    /// <summary>The mutation running: while it is set, every change saved is written to the audit trail.</summary>
    public string? Operation { get; private set; }

    public void Act(long userId, string operation) => (UserId, Operation) = (userId, operation);
}
