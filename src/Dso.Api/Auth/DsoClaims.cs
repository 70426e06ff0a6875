using System.Globalization;
using System.Security.Claims;
using Dso.Domain.Users;

namespace Dso.Api.Auth;

/// <summary>The claims Dso puts on an authenticated caller, and their reading back.</summary>
public static class DsoClaims
{
    public const string Organization = "dso:org";
    public const string User = "dso:user";
    public const string Roles = "dso:roles";
    public const string Credential = "dso:credential";

    public static ClaimsIdentity Identity(Principal principal, string scheme) => new(
    [
        new Claim(Organization, principal.OrganizationId.ToString(CultureInfo.InvariantCulture)),
        new Claim(User, principal.UserId.ToString(CultureInfo.InvariantCulture)),
        new Claim(Roles, ((int)principal.Roles).ToString(CultureInfo.InvariantCulture)),
        new Claim(Credential, principal.Credential ?? ""),
        .. Enum.GetValues<Role>().Where(r => r != Role.None && principal.Roles.HasFlag(r)).Select(r => new Claim(ClaimTypes.Role, r.ToString())),
    ], scheme);

    public static Principal? ToPrincipal(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true &&
        long.TryParse(user.FindFirstValue(Organization), CultureInfo.InvariantCulture, out var organization) &&
        long.TryParse(user.FindFirstValue(User), CultureInfo.InvariantCulture, out var id) &&
        int.TryParse(user.FindFirstValue(Roles), CultureInfo.InvariantCulture, out var roles)
            ? new Principal(organization, id, (Role)roles, user.FindFirstValue(Credential) is { Length: > 0 } credential ? credential : null)
            : null;
}
