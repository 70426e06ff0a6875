using Dso.Domain.Users;

namespace Dso.Api.GraphQL.Common;

/// <summary>Who the current request acts as (null when anonymous); set once by the transport.</summary>
public sealed class RequestPrincipal
{
    public Principal? Value { get; set; }
}
