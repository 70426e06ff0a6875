using Dso.Domain.Users;
using Microsoft.AspNetCore.Authorization;

namespace Dso.Api.Auth;

/// <summary>
/// The role policies that schema fields and types name (<c>AuthorizeWithPolicy</c>), checked by
/// <see cref="GraphQL.Authorization.AuthorizationRule"/> through ASP.NET Core's <see cref="IAuthorizationService"/>.
/// </summary>
public static class Policies
{
    /// <summary>Any role, viewers included: every operation needs it (the schema names it).</summary>
    public const string Read = "Read";

    /// <summary>Any role but a pure viewer: changing receivables data and the collection plan.</summary>
    public const string Write = "Write";

    /// <summary>Administrators: users, keys, statuses, scenarios, templates, rates, portfolios and settings.</summary>
    public const string Admin = "Admin";

    private static readonly Role[] Writers = [Role.Admin, Role.Collector, Role.SalesRep, Role.SalesAdmin];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireRole([.. Writers.Append(Role.Viewer).Select(r => r.ToString())]));
        options.AddPolicy(Write, p => p.RequireRole(Writers.Select(r => r.ToString())));
        options.AddPolicy(Admin, p => p.RequireRole(nameof(Role.Admin)));
    }

    /// <summary>The roles a policy lets in, as the API names them, for refusals.</summary>
    public static string RolesOf(string policy) => policy switch
    {
        Read => "any role",
        Write => "ADMIN, COLLECTOR, SALES_REP or SALES_ADMIN",
        Admin => "ADMIN",
        _ => policy,
    };
}
