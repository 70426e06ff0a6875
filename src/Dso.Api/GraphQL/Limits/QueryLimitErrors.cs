using GraphQL.Validation;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Limits;

/// <summary>A document deeper or costlier than any request may be: answered 400.</summary>
public sealed class QueryTooComplexError : ValidationError
{
    public QueryTooComplexError(string code, string message, ASTNode node)
        : base(default, code, message, node) => Code = code;
}

/// <summary>A request its caller's bucket cannot pay for now: answered 429 with Retry-After.</summary>
public sealed class ThrottledError : ValidationError
{
    public ThrottledError(string message, TimeSpan retryAfter, ASTNode node)
        : base(default, "THROTTLED", message, node)
    {
        Code = "THROTTLED";
        RetryAfter = retryAfter;
    }

    public TimeSpan RetryAfter { get; }
}
