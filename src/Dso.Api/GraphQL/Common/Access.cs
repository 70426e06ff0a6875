using Dso.Domain.Common;
using Dso.Domain.Users;
using GraphQL;

namespace Dso.Api.GraphQL.Common;

/// <summary>Role checks of mutations: a refusal is a FORBIDDEN user error and nothing changes.</summary>
public static class Access
{
    public static UserError? Denied(IResolveFieldContext context, Func<Principal, bool> allowed, string what)
    {
        var principal = context.Principal();
        return allowed(principal) ? null : UserError.Forbidden($"Your role does not allow you to {what}.");
    }

    /// <summary>Any signed-in user, viewers included: for mutations that only read (exportReport).</summary>
    public static bool Reader(Principal principal) => principal.Roles != Role.None;

    public static bool Writer(Principal principal) => principal.CanWrite;

    public static bool Admin(Principal principal) => principal.IsAdmin;
}
