using Dso.Domain.Users;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Users;

/// <summary>The roles a user may hold.</summary>
public sealed class RoleGraphType : EnumerationGraphType
{
    public RoleGraphType()
    {
        Name = "Role";
        Add("ADMIN", Role.Admin, "Manages users, keys, statuses, scenarios and settings.");
        Add("COLLECTOR", Role.Collector);
        Add("SALES_REP", Role.SalesRep);
        Add("SALES_ADMIN", Role.SalesAdmin);
        Add("VIEWER", Role.Viewer, "Reads everything, changes nothing.");
    }
}
