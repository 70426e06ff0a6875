using GraphQL.Validation;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Authorization;

/// <summary>
/// Anonymous callers may only introspect (<c>__typename</c>, <c>__schema</c>, <c>__type</c>); every data
/// field needs an authenticated caller. Checked before execution, so nothing runs for them.
/// </summary>
public sealed class AuthenticatedRule : ValidationRuleBase
{
    public static readonly AuthenticatedRule Instance = new();

    private static readonly MatchingNodeVisitor<GraphQLOperationDefinition> Visitor = new((operation, context) =>
    {
        if (operation != context.Operation || context.User?.Identity?.IsAuthenticated == true)
        {
            return;
        }

        var data = operation.SelectionSet.Selections.FirstOrDefault(s =>
            s is not GraphQLField field || field.Name.StringValue is not ("__typename" or "__schema" or "__type"));
        if (data is not null)
        {
            context.ReportError(new AuthenticationRequiredError(data));
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
