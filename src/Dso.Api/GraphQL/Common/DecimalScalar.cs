using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Common;

/// <summary>An exact decimal number, sent as a JSON string ("1234.50") so no client rounds it through a double.</summary>
public sealed class DecimalScalar : ScalarGraphType
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public DecimalScalar()
    {
        Name = "Decimal";
        Description = "An exact decimal number serialised as a string, e.g. \"1234.50\"; '.' is the decimal separator.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => Parse((string)s.Value),
        GraphQLIntValue i => Parse((string)i.Value),
        GraphQLFloatValue f => Parse((string)f.Value),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => Parse(s),
        decimal d => d,
        int i => (decimal)i,
        long l => (decimal)l,
        double d => Parse(d.ToString("R", CultureInfo.InvariantCulture)),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        decimal d => Format(d),
        string s => s, // already formatted (money, to its currency's minor units)
        _ => ThrowSerializationError(value),
    };

    /// <summary>A report figure with a fixed number of decimals: ratios 4 ("0.4400"), days 1 ("76.0").</summary>
    public static string Fixed(decimal value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static decimal Parse(string text) =>
        text.Length <= 40 && decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new FormatException($"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not a decimal number such as \"1234.50\".");
}
