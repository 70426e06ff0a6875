using Dso.Domain.Users;

namespace Dso.Domain.Organizations;

/// <summary>A new organization, its first administrator and the administrator's API key (shown once).</summary>
public sealed record CreatedOrganization(Organization Organization, User Admin, string ApiKey);
