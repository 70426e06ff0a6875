using GraphQL.Validation;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Transport;

/// <summary>How a request came.</summary>
public enum RequestTransport
{
    HttpGet,
    HttpPost,
    WebSocket,
}

/// <summary>
/// What each transport may run: GET only queries (GraphQL over HTTP: GET changes nothing), POST queries and
/// mutations, the WebSocket everything, subscriptions included.
/// </summary>
public sealed class TransportOperationsRule : ValidationRuleBase
{
    public static readonly TransportOperationsRule HttpGet = new(operation =>
        operation.Operation == OperationType.Query ? null : new MethodNotAllowedError(operation));

    public static readonly TransportOperationsRule HttpPost = new(operation => operation.Operation == OperationType.Subscription
        ? new ValidationError(default, "SUBSCRIPTION_OVER_HTTP", "Subscriptions are served over a WebSocket on this URL (protocol graphql-transport-ws), or as an event stream: POST /graphql/stream (graphql-sse).", operation)
        : null);

    private readonly MatchingNodeVisitor<GraphQLOperationDefinition> visitor;

    private TransportOperationsRule(Func<GraphQLOperationDefinition, ValidationError?> refuse) =>
        visitor = new((operation, context) =>
        {
            if (operation == context.Operation && refuse(operation) is { } error)
            {
                context.ReportError(error);
            }
        });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(visitor);
}
