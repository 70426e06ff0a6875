using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Limits;

/// <summary>
/// The cost and depth of an operation, computed from its document before anything runs, as Shopify's and
/// GitHub's APIs count: a scalar or enum field costs 0, an object 1 plus what it selects, and a connection (a
/// field with a <c>first</c> or <c>last</c> argument) 2 plus its page size (given, from a variable, or the
/// default 20) times what each node selects (its <c>nodes</c>, <c>edges</c> and <c>node</c> wrappers and
/// <c>pageInfo</c> cost nothing themselves). Fragments are costed once each, so a document that reuses fragments
/// many times cannot make the analysis itself slow; a fragment cycle counts once. Beside the cost, it counts the
/// fields the operation selects once its fragments are expanded (what execution walks, whatever the points: a
/// fragment reused twice at each of 30 levels costs nothing and selects 2^30 fields).
/// </summary>
public sealed class QueryCost(ISchema schema, GraphQLDocument document, IReadOnlyDictionary<string, object?> variables)
{
    public const int DefaultPageSize = 20;

    private readonly Dictionary<(string, string), (long Cost, int Depth, long Fields)> fragments = [];
    private readonly HashSet<string> visiting = [];

    public (long Cost, int Depth, long Fields) Of(GraphQLOperationDefinition operation)
    {
        var root = operation.Operation switch
        {
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => schema.Query,
        };
        return root is null ? (0, 0, 0) : Of(operation.SelectionSet, root);
    }

    private (long Cost, int Depth, long Fields) Of(GraphQLSelectionSet? set, IGraphType parent)
    {
        long cost = 0, fields = 0;
        var depth = 0;
        foreach (var selection in set?.Selections ?? [])
        {
            var (c, d, f) = OfSelection(selection, parent);
            (cost, depth, fields) = (Saturating(cost, c), Math.Max(depth, d), Saturating(fields, f));
        }

        return (cost, depth, fields);
    }

    private (long Cost, int Depth, long Fields) OfSelection(ASTNode selection, IGraphType parent) => selection switch
    {
        GraphQLField field => OfField(field, parent),
        GraphQLInlineFragment inline => Of(inline.SelectionSet, TypeOf(inline.TypeCondition) ?? parent),
        GraphQLFragmentSpread spread => OfFragment(spread.FragmentName.Name.StringValue, parent),
        _ => (0L, 0, 0L),
    };

    private (long Cost, int Depth, long Fields) OfField(GraphQLField field, IGraphType parent)
    {
        if (field.SelectionSet is null)
        {
            return (0, 1, 1);
        }

        var definition = (parent.GetNamedType() as IComplexGraphType)?.GetField(field.Name.StringValue);
        var child = definition?.ResolvedType?.GetNamedType() ?? parent;
        var (inner, depth, fields) = Of(field.SelectionSet, child);
        if (definition?.Arguments?.Any(a => a.Name is "first" or "last") != true)
        {
            return (Saturating(1, inner), depth + 1, Saturating(1, fields));
        }

        var perNode = child.Name.EndsWith("Connection", StringComparison.Ordinal) ? Unwrapped(field.SelectionSet, child) : inner;
        return (Saturating(2, Multiply(perNode, PageSize(field))), depth + 1, Saturating(1, fields));
    }

    // What each node of a connection (or each edge's node) selects, its wrappers and the page's info left out.
    private long Unwrapped(GraphQLSelectionSet set, IGraphType connection)
    {
        long cost = 0;
        foreach (var selection in set.Selections)
        {
            cost = Saturating(cost, selection switch
            {
                GraphQLField { Name.StringValue: "pageInfo" } => 0,
                GraphQLField { Name.StringValue: "nodes" or "edges" or "node", SelectionSet: { } inner } field =>
                    Unwrapped(inner, (connection.GetNamedType() as IComplexGraphType)?.GetField(field.Name.StringValue)?.ResolvedType?.GetNamedType() ?? connection),
                _ => OfSelection(selection, connection).Cost,
            });
        }

        return cost;
    }

    private (long Cost, int Depth, long Fields) OfFragment(string name, IGraphType parent)
    {
        var key = (name, parent.GetNamedType().Name);
        if (fragments.TryGetValue(key, out var known))
        {
            return known;
        }

        var definition = document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == name);
        if (definition is null || !visiting.Add(name))
        {
            return (0, 0, 0);
        }

        var result = Of(definition.SelectionSet, TypeOf(definition.TypeCondition) ?? parent);
        visiting.Remove(name);
        fragments[key] = result;
        return result;
    }

    private IGraphType? TypeOf(GraphQLTypeCondition? condition) =>
        condition is null ? null : schema.AllTypes[condition.Type.Name.StringValue];

    private long PageSize(GraphQLField field)
    {
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            if (argument.Name.StringValue is not ("first" or "last"))
            {
                continue;
            }

            return argument.Value switch
            {
                GraphQLIntValue value when long.TryParse(value.Value.Span, out var size) => Math.Max(size, 0),
                GraphQLVariable variable when variables.TryGetValue(variable.Name.StringValue, out var given) && given is int or long =>
                    Math.Max(Convert.ToInt64(given, System.Globalization.CultureInfo.InvariantCulture), 0),
                _ => DefaultPageSize,
            };
        }

        return DefaultPageSize;
    }

    private static long Saturating(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}
