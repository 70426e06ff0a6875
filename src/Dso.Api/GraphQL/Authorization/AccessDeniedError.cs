using System.Security.Claims;
using System.Text.RegularExpressions;
using Dso.Api.Auth;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Authorization;

/// <summary>A selection the caller's roles do not allow: answered 403, and nothing runs.</summary>
public sealed partial class AccessDeniedError : ValidationError
{
    public AccessDeniedError(string selection, string policy, ClaimsPrincipal user, ASTNode node)
        : base(default, "FORBIDDEN", $"{selection} needs the role {Policies.RolesOf(policy)}; yours: {RolesOf(user)}.", node) =>
        Code = "FORBIDDEN";

    /// <summary>A root field of a mutation or subscription whose definition names no policy: refused rather than open.</summary>
    public AccessDeniedError(string selection, ASTNode node)
        : base(default, "FORBIDDEN", $"{selection} declares no access policy, so nobody may call it.", node) =>
        Code = "FORBIDDEN";

    // The role claims hold the enum names (SalesRep); the API spells them SALES_REP.
    private static string RolesOf(ClaimsPrincipal user) =>
        string.Join(", ", user.FindAll(ClaimTypes.Role).Select(c => WordStart().Replace(c.Value, "_$1").ToUpperInvariant())) is { Length: > 0 } roles
            ? roles
            : "none";

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();
}
