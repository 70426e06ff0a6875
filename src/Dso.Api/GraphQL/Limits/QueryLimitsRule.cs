using Dso.Api.GraphQL.Common;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Dso.Api.GraphQL.Limits;

/// <summary>What a request cost, for <c>extensions.cost</c>.</summary>
public sealed record CostReport(long Requested, double Remaining, int Limit, double RefillPerSecond);

/// <summary>The request's cost once the limits rule has charged it (scoped).</summary>
public sealed class RequestCost
{
    /// <summary>What the request will cost, once its document is known to be within the limits.</summary>
    public long? Pending { get; set; }

    public CostReport? Value { get; set; }

    /// <summary>Adds <c>extensions.cost</c> to the result, once the request was charged.</summary>
    public void Report(ExecutionResult result)
    {
        if (Value is { } cost)
        {
            result.Extensions ??= [];
            result.Extensions["cost"] = new Dictionary<string, object?>
            {
                ["requested"] = cost.Requested, ["remaining"] = cost.Remaining, ["limit"] = cost.Limit, ["refillPerSecond"] = cost.RefillPerSecond,
            };
        }
    }
}

/// <summary>
/// Refuses, before execution, a document deeper than <see cref="LimitOptions.MaxDepth"/> or costlier than
/// <see cref="LimitOptions.MaxCost"/> (400); then, at the end of the validation walk and only if no rule refused the
/// document (a refused or invalid request costs nothing), charges the caller's bucket, refusing a request it cannot
/// pay for now (429). (A post-validation visitor would make GraphQL.NET walk every fragment spread again, which a
/// fragment bomb turns exponential.)
/// </summary>
public sealed class QueryLimitsRule : ValidationRuleBase
{
    public static readonly QueryLimitsRule Instance = new();

    private static readonly MatchingNodeVisitor<GraphQLDocument> Charge = new(leave: (_, context) =>
    {
        var services = context.RequestServices!;
        var request = services.GetRequiredService<RequestCost>();
        if (context.HasErrors || request.Pending is not { } cost || services.GetRequiredService<RequestPrincipal>().Value is not { } principal)
        {
            return;
        }

        var limits = services.GetRequiredService<IOptions<LimitOptions>>().Value;
        var (taken, remaining, retryAfter) = services.GetRequiredService<CostBudgets>().TryTake(principal.Credential ?? $"user:{principal.UserId}", cost);
        request.Value = new CostReport(cost, Math.Floor(remaining), limits.Budget, limits.RefillPerSecond);
        if (!taken)
        {
            context.ReportError(new ThrottledError(
                $"The query costs {cost} points and {Math.Floor(remaining)} are left; retry in {retryAfter.TotalSeconds:0} s.", retryAfter, context.Operation!));
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var limits = context.RequestServices!.GetRequiredService<IOptions<LimitOptions>>().Value;
        if (!limits.Enabled || context.Operation is not { } operation)
        {
            return default;
        }

        var (cost, depth, fields) = new QueryCost(context.Schema, context.Document, context.Variables ?? Inputs.Empty).Of(operation);
        if (fields > limits.MaxFields)
        {
            context.ReportError(new QueryTooComplexError("QUERY_TOO_COMPLEX", $"The query selects more than {limits.MaxFields} fields once its fragments are expanded.", operation));
            return default;
        }

        if (depth > limits.MaxDepth)
        {
            context.ReportError(new QueryTooComplexError("QUERY_TOO_DEEP", $"The query is {depth} fields deep; the limit is {limits.MaxDepth}.", operation));
            return default;
        }

        if (cost > limits.MaxCost)
        {
            context.ReportError(new QueryTooComplexError("QUERY_TOO_COMPLEX", $"The query costs {cost} points; the most a request may cost is {limits.MaxCost}. Ask for smaller pages.", operation));
            return default;
        }

        context.RequestServices!.GetRequiredService<RequestCost>().Pending = cost;
        return new(Charge);
    }
}
