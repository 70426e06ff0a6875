namespace Dso.Domain.Users;

/// <summary>Who is acting: a user of one organization with their roles, and the credential they used ("key:12").</summary>
public sealed record Principal(long OrganizationId, long UserId, Role Roles, string? Credential = null)
{
    public bool IsAdmin => Roles.HasFlag(Role.Admin);

    /// <summary>Anyone but a pure viewer may change receivables data.</summary>
    public bool CanWrite => (Roles & ~Role.Viewer) != Role.None;
}
