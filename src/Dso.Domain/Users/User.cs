using Dso.Domain.Common;

namespace Dso.Domain.Users;

/// <summary>A person (or an integration) acting in one organization.</summary>
public sealed class User : ITenantOwned
{
    private User()
    {
    }

    public User(long organizationId, string name, string email, Role roles)
    {
        OrganizationId = organizationId;
        Name = name;
        Email = email;
        Roles = roles;
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public Role Roles { get; private set; }

    public bool IsAdmin => Roles.HasFlag(Role.Admin);
}
