using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dso.Api.Tests.Connections.Sap;

/// <summary>
/// The part of OData's query language the fake SAP servers understand, as the real ones do: <c>$filter</c> as
/// clauses joined by <c>and</c> (<c>eq ne gt ge lt le</c> against strings, numbers, booleans and
/// <c>datetime'...'</c>), <c>$orderby</c> and <c>$select</c>. A property the records lack is refused as the server
/// refuses it (<see cref="UnknownPropertyException"/>: a 400), so a connector's query is checked field by field.
/// </summary>
public static partial class ODataQuery
{
    public static List<JsonObject> Apply(IEnumerable<JsonObject> records, string? filter, string? orderBy)
    {
        var clauses = string.IsNullOrWhiteSpace(filter) ? [] : filter.Split(" and ").Select(Clause).ToList();
        var kept = records.Where(r => clauses.All(c => c(r))).ToList();
        foreach (var property in (orderBy ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Reverse())
        {
            kept = [.. kept.OrderBy(r => (object?)Value(r, property), Comparer<object?>.Create(Compare))];
        }

        return kept;
    }

    /// <summary>The record with only the selected properties (all without a <c>$select</c>).</summary>
    public static JsonObject Select(JsonObject record, string? select)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            return (JsonObject)record.DeepClone();
        }

        var projected = new JsonObject();
        foreach (var property in select.Split(','))
        {
            projected[property] = Value(record, property)?.DeepClone();
        }

        return projected;
    }

    private static Func<JsonObject, bool> Clause(string clause)
    {
        var match = ClausePattern().Match(clause.Trim());
        if (!match.Success)
        {
            throw new UnknownPropertyException($"Invalid filter expression: '{clause}'.");
        }

        var (property, op, literal) = (match.Groups[1].Value, match.Groups[2].Value, Literal(match.Groups[3].Value));
        return record =>
        {
            var order = Compare(Value(record, property) is { } node ? Scalar(node, literal) : null, literal);
            return op switch { "eq" => order == 0, "ne" => order != 0, "gt" => order > 0, "ge" => order >= 0, "lt" => order < 0, _ => order <= 0 };
        };
    }

    private static JsonNode? Value(JsonObject record, string property) =>
        record.TryGetPropertyValue(property, out var node) ? node : throw new UnknownPropertyException($"Property '{property}' not found.");

    private static object Literal(string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ when text.StartsWith("datetime'", StringComparison.Ordinal) => DateTime.Parse(text[9..^1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ when text.StartsWith('\'') => text[1..^1].Replace("''", "'", StringComparison.Ordinal),
        _ => decimal.Parse(text, CultureInfo.InvariantCulture),
    };

    // A record's value in the literal's terms: OData v2 dates (/Date(ms)/) as instants, numbers as decimals.
    private static object? Scalar(JsonNode node, object literal)
    {
        var value = node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        return literal switch
        {
            DateTime when value.StartsWith("/Date(", StringComparison.Ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value[6..].TrimEnd('/', ')'), CultureInfo.InvariantCulture)).UtcDateTime,
            decimal => decimal.Parse(value, CultureInfo.InvariantCulture),
            bool => bool.Parse(value),
            _ => value,
        };
    }

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (JsonNode x, JsonNode y) => Compare(Plain(x), Plain(y)),
        _ => ((IComparable)a).CompareTo(b),
    };

    private static object? Plain(JsonNode node) => node.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => decimal.Parse(node.ToJsonString(), CultureInfo.InvariantCulture),
        System.Text.Json.JsonValueKind.String => node.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"^(\w+) (eq|ne|gt|ge|lt|le) (.+)$")]
    private static partial Regex ClausePattern();
}

public sealed class UnknownPropertyException(string message) : Exception(message);
