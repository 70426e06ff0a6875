using Dso.Api.GraphQL.Authorization;
using Dso.Api.GraphQL.Limits;
using GraphQL.Validation;

namespace Dso.Api.GraphQL.Transport;

/// <summary>
/// The validation rules of a request: the specification's for a new document, then those that depend on who
/// asks and how (authentication, authorization, cost, GET), which also run when the document comes from the
/// cache. A singleton; the benchmark replaces it to measure the checks.
/// </summary>
public sealed class RequestRules(params IValidationRule[] perRequest)
{
    public static readonly RequestRules Default = new(AuthenticatedRule.Instance, AuthorizationRule.Instance, QueryLimitsRule.Instance);

    private readonly IValidationRule[] newPost = [.. DocumentValidator.CoreRules, .. perRequest];
    private readonly IValidationRule[] newGet = [.. DocumentValidator.CoreRules, .. perRequest, HttpGetQueriesOnlyRule.Instance];
    private readonly IValidationRule[] cachedGet = [.. perRequest, HttpGetQueriesOnlyRule.Instance];

    public IValidationRule[] ForNew(bool get) => get ? newGet : newPost;

    public IValidationRule[] ForCached(bool get) => get ? cachedGet : perRequest;
}
