using GraphQL.Validation;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Transport;

/// <summary>GET may only run queries (GraphQL over HTTP: GET must not change anything).</summary>
public sealed class HttpGetQueriesOnlyRule : ValidationRuleBase
{
    public static readonly HttpGetQueriesOnlyRule Instance = new();

    private static readonly MatchingNodeVisitor<GraphQLOperationDefinition> Visitor = new((operation, context) =>
    {
        if (operation == context.Operation && operation.Operation != OperationType.Query)
        {
            context.ReportError(new MethodNotAllowedError(operation));
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
