using GraphQL;
using GraphQL.Validation;
using Microsoft.AspNetCore.Authorization;

namespace Dso.Api.GraphQL.Authorization;

/// <summary>
/// Authorization in one place: before anything runs, every policy the selected operation needs (see
/// <see cref="RequiredPolicies"/>) is checked once against the caller through ASP.NET Core's
/// <see cref="IAuthorizationService"/>. A refusal names the first selection that needs the policy and is
/// answered 403. It runs for cached documents too, since who asks changes from one request to the next.
/// Anonymous callers are <see cref="AuthenticatedRule"/>'s.
/// </summary>
public sealed class AuthorizationRule : ValidationRuleBase
{
    public static readonly AuthorizationRule Instance = new();

    public override async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation is not { } operation || context.User is not { Identity.IsAuthenticated: true } user)
        {
            return null;
        }

        var needs = new RequiredPolicies(context.Schema, context.Document, context.Variables ?? Inputs.Empty).Of(operation);
        if (needs.Unguarded is { } unguarded)
        {
            context.ReportError(new AccessDeniedError(unguarded.Selection, unguarded.Node));
        }

        var authorization = context.RequestServices!.GetRequiredService<IAuthorizationService>();
        foreach (var (policy, (selection, node)) in needs.Policies)
        {
            if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                context.ReportError(new AccessDeniedError(selection, policy, user, node));
            }
        }

        return null;
    }
}
