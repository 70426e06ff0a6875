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

    /// <summary>The user's subject (<c>sub</c>) at the OpenID Connect provider, when tokens are matched by subject.</summary>
    public string? Subject { get; private set; }

    /// <summary>Gone from the organization: their keys are revoked and they cannot sign in; their history stays.</summary>
    public bool Archived { get; private set; }

    public bool IsAdmin => Roles.HasFlag(Role.Admin);

    public void Update(string? name, string? email, Role? roles, string? subject = null) =>
        (Name, Email, Roles, Subject) = (name ?? Name, email ?? Email, roles ?? Roles, subject is null ? Subject : subject.Length == 0 ? null : subject);

    public void Archive() => Archived = true;
}
