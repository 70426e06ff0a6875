using System.Security.Claims;
using Dso.Api.GraphQL.Authorization;
using Dso.Api.GraphQL.Limits;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;

namespace Dso.Api.GraphQL.Transport;

/// <summary>
/// The validation rules of a request: the specification's for a new document, then those that depend on who
/// asks and how (authentication, authorization, cost, what the transport may run), which also run when the
/// document comes from the cache. A singleton; the benchmark replaces it to measure the checks.
/// </summary>
public sealed class RequestRules(params IValidationRule[] perRequest)
{
    public static readonly RequestRules Default = new(AuthenticatedRule.Instance, AuthorizationRule.Instance, QueryLimitsRule.Instance);

    // Indexed by RequestTransport.
    private readonly IValidationRule[][] cached = [[.. perRequest, TransportOperationsRule.HttpGet], [.. perRequest, TransportOperationsRule.HttpPost], perRequest];
    private readonly IValidationRule[][] fresh =
    [
        [.. DocumentValidator.CoreRules, .. perRequest, TransportOperationsRule.HttpGet],
        [.. DocumentValidator.CoreRules, .. perRequest, TransportOperationsRule.HttpPost],
        [.. DocumentValidator.CoreRules, .. perRequest],
    ];

    /// <summary>How every transport executes a request: its caller, its scope, and the rules of the way it came.</summary>
    public ExecutionOptions Options(GraphQLRequest request, RequestTransport transport, IServiceProvider services, ClaimsPrincipal? user, CancellationToken cancellationToken) => new()
    {
        Query = request.Query,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
        RequestServices = services,
        User = user,
        CancellationToken = cancellationToken,
        ValidationRules = fresh[(int)transport],
        CachedDocumentValidationRules = cached[(int)transport],
    };
}
