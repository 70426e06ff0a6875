using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Authorization;

/// <summary>
/// The policies an operation needs, read from the metadata (<c>AuthorizeWithPolicy</c>) of the schema, the
/// operation's root type, every field it selects and each field's type, and the type conditions of its
/// fragments. Only the selected operation counts, fields dropped by <c>@skip</c>/<c>@include</c> do not, and
/// introspection is open. Each fragment is read once, so the walk stays linear in the document's size.
/// </summary>
public sealed class RequiredPolicies(ISchema schema, GraphQLDocument document, IReadOnlyDictionary<string, object?> variables)
{
    private readonly Dictionary<string, (string Selection, ASTNode Node)> policies = new(StringComparer.Ordinal);
    private readonly HashSet<string> fragmentsRead = new(StringComparer.Ordinal);
    private IObjectGraphType? root;
    private bool dataSelected;

    /// <summary>Each policy with the first selection that needs it.</summary>
    public IReadOnlyDictionary<string, (string Selection, ASTNode Node)> Policies => policies;

    /// <summary>A mutation or subscription field that names no policy, if the operation selects one.</summary>
    public (string Selection, ASTNode Node)? Unguarded { get; private set; }

    public RequiredPolicies Of(GraphQLOperationDefinition operation)
    {
        root = operation.Operation switch
        {
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => schema.Query,
        };
        if (root is not null)
        {
            Read(operation.SelectionSet, root, operation.Operation != OperationType.Query);
        }

        return this;
    }

    private void Read(GraphQLSelectionSet? set, IGraphType parent, bool rootOfChange = false)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            if (Skipped(selection))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField field:
                    ReadField(field, parent, rootOfChange);
                    break;
                case GraphQLInlineFragment inline:
                    var type = TypeOf(inline.TypeCondition) ?? parent;
                    Need(type, $"Type {type.Name}", inline);
                    Read(inline.SelectionSet, type, rootOfChange);
                    break;
                case GraphQLFragmentSpread spread when fragmentsRead.Add(spread.FragmentName.Name.StringValue):
                    var definition = document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name == spread.FragmentName.Name);
                    if (definition is not null && TypeOf(definition.TypeCondition) is { } condition)
                    {
                        Need(condition, $"Type {condition.Name}", spread);
                        Read(definition.SelectionSet, condition, rootOfChange);
                    }

                    break;
            }
        }
    }

    private void ReadField(GraphQLField field, IGraphType parent, bool rootOfChange)
    {
        var name = field.Name.StringValue;
        if (name.StartsWith("__", StringComparison.Ordinal) || (parent.GetNamedType() as IComplexGraphType)?.GetField(name) is not { } definition)
        {
            return;
        }

        if (!dataSelected)
        {
            // The schema's and the root type's policies hold once any data is asked for.
            dataSelected = true;
            Need(schema, "This API", field);
            Need(root!, $"Every {root!.Name.ToLowerInvariant()}", field);
        }

        var selection = rootOfChange ? $"The operation {name}" : $"The field {parent.GetNamedType().Name}.{name}";
        if (rootOfChange && definition.GetPolicies() is not { Count: > 0 })
        {
            Unguarded ??= (selection, field);
        }

        Need(definition, selection, field);
        var type = definition.ResolvedType?.GetNamedType() ?? parent;
        Need(type, selection, field);
        Read(field.SelectionSet, type);
    }

    private void Need(IMetadataReader guarded, string selection, ASTNode node)
    {
        foreach (var policy in guarded.GetPolicies() ?? [])
        {
            policies.TryAdd(policy, (selection, node));
        }
    }

    private IGraphType? TypeOf(GraphQLTypeCondition? condition) =>
        condition is null ? null : schema.AllTypes[condition.Type.Name.StringValue];

    private bool Skipped(ASTNode selection)
    {
        foreach (var directive in (selection as IHasDirectivesNode)?.Directives?.Items ?? [])
        {
            var condition = directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value switch
            {
                GraphQLBooleanValue literal => literal.BoolValue,
                GraphQLVariable variable => variables.TryGetValue(variable.Name.StringValue, out var given) ? given as bool? : null,
                _ => null,
            };
            if ((directive.Name.StringValue == "skip" && condition == true) || (directive.Name.StringValue == "include" && condition == false))
            {
                return true;
            }
        }

        return false;
    }
}
