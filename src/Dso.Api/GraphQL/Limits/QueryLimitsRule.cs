using Dso.Api.GraphQL.Common;
using GraphQL;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace Dso.Api.GraphQL.Limits;

/// <summary>What a request cost, for <c>extensions.cost</c>.</summary>
public sealed record CostReport(long Requested, double Remaining, int Limit, double RefillPerSecond);

/// <summary>The request's cost once the limits rule has charged it (scoped).</summary>
public sealed class RequestCost
{
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
/// Refuses, before execution, a document deeper than <see cref="LimitOptions.MaxDepth"/> or costlier than the
/// whole budget (400), and charges the caller's bucket, refusing a request it cannot pay for now (429).
/// </summary>
public sealed class QueryLimitsRule : ValidationRuleBase
{
    public static readonly QueryLimitsRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var services = context.RequestServices!;
        var limits = services.GetRequiredService<IOptions<LimitOptions>>().Value;
        if (!limits.Enabled || context.Operation is not { } operation)
        {
            return default;
        }

        var (cost, depth) = new QueryCost(context.Schema, context.Document, context.Variables ?? Inputs.Empty).Of(operation);
        if (depth > limits.MaxDepth)
        {
            context.ReportError(new QueryTooComplexError("QUERY_TOO_DEEP", $"The query is {depth} fields deep; the limit is {limits.MaxDepth}.", operation));
            return default;
        }

        if (cost > limits.Budget)
        {
            context.ReportError(new QueryTooComplexError("QUERY_TOO_COMPLEX", $"The query costs {cost} points; the most a request may cost is {limits.Budget}. Ask for smaller pages.", operation));
            return default;
        }

        var principal = services.GetRequiredService<RequestPrincipal>().Value;
        if (principal is null)
        {
            return default;
        }

        var (taken, remaining, retryAfter) = services.GetRequiredService<CostBudgets>().TryTake(principal.Credential ?? $"user:{principal.UserId}", cost);
        services.GetRequiredService<RequestCost>().Value = new CostReport(cost, Math.Floor(remaining), limits.Budget, limits.RefillPerSecond);
        if (!taken)
        {
            context.ReportError(new ThrottledError(
                $"The query costs {cost} points and {Math.Floor(remaining)} are left; retry in {retryAfter.TotalSeconds:0} s.", retryAfter, operation));
        }

        return default;
    }
}
