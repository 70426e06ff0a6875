using Dso.Domain.Users;

namespace Dso.Api.GraphQL.Common;

/// <summary>Who the current request acts as (null when anonymous); set once by the transport.</summary>
public sealed class RequestPrincipal
{
    public Principal? Value { get; set; }

    /// <summary>Makes a scope act as the caller: their organization, and their portfolio when it restricts them.</summary>
    public static async Task EnterAsync(IServiceProvider services, Principal? caller, CancellationToken cancellationToken)
    {
        services.GetRequiredService<RequestPrincipal>().Value = caller;
        if (caller is not null)
        {
            await services.GetRequiredService<EnterAsUser>().ExecuteAsync(caller.OrganizationId, caller.UserId, caller.Roles, cancellationToken);
        }
    }
}
