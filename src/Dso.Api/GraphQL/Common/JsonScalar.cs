using System.Globalization;
using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Common;

/// <summary>Any JSON value (an object, usually), as given; a string is taken as JSON text.</summary>
public sealed class JsonScalar : ScalarGraphType
{
    public JsonScalar()
    {
        Name = "JSON";
        Description = "A JSON value.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => (string)s.Value,
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLIntValue i => decimal.Parse((string)i.Value, CultureInfo.InvariantCulture),
        GraphQLFloatValue f => decimal.Parse((string)f.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        GraphQLListValue list => list.Values?.Select(ParseLiteral).ToList() ?? [],
        GraphQLObjectValue obj => obj.Fields?.ToDictionary(f => (string)f.Name.Value, f => ParseLiteral(f.Value)) ?? [],
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value;

    public override object? Serialize(object? value) => value is string json ? JsonSerializer.Deserialize<JsonElement>(json) : value;

    /// <summary>The JSON text of an input value (a string is already JSON text).</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        _ => JsonSerializer.Serialize(value),
    };
}
