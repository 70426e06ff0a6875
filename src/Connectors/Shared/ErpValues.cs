using System.Globalization;
using System.Text.Json;
using Dso.Connectors.Abstractions;

namespace Dso.Connectors.Shared;

/// <summary>Values as ERPs write them: amounts as JSON numbers or strings, blanks for nothing, French identifiers wherever a tax number field holds them.</summary>
internal static class ErpValues
{
    /// <summary>A URL setting: an absolute http or https address (a <see cref="ConnectorErrorKind.Configuration"/> error naming it otherwise).</summary>
    public static Uri Url(ConnectorSettings settings, string name) =>
        Uri.TryCreate(settings.Require(name), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ConnectorException(ConnectorErrorKind.Configuration, $"The setting '{name}' must be an absolute http or https address.");

    /// <summary>A string property, trimmed; null when absent, null, blank (an empty key in OData v2) or not a string.</summary>
    public static string? Text(JsonElement record, string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>A string property that must be there (a <see cref="FormatException"/> naming it otherwise).</summary>
    public static string RequiredText(JsonElement record, string name) => Text(record, name) ?? throw new FormatException($"{name} is missing.");

    /// <summary>An amount given as a JSON number or a string in invariant form (<c>"1200.00"</c>).</summary>
    public static decimal Amount(JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var value))
        {
            throw new FormatException($"{name} is missing.");
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw new FormatException($"{name} '{value}' is not an amount."),
        };
    }

    /// <summary>A day written <c>yyyy-MM-dd</c> (what follows, a time, is ignored), or null.</summary>
    public static DateOnly? Day(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A day as <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Where a tax number field holds a French identifier, which one it is by its shape: 9 or 14 digits are a SIREN or
    /// a SIRET (the legal id), two letters and more are a VAT number. Anything else is neither.
    /// </summary>
    public static (string? LegalId, string? VatNumber) Identifiers(IEnumerable<string?> numbers)
    {
        var (legalId, vat) = ((string?)null, (string?)null);
        foreach (var number in numbers.Select(n => n?.Replace(" ", "", StringComparison.Ordinal).Trim()).Where(n => !string.IsNullOrEmpty(n)))
        {
            if (number!.Length is 9 or 14 && number.All(char.IsAsciiDigit))
            {
                legalId ??= number;
            }
            else if (number.Length > 4 && char.IsAsciiLetter(number[0]) && char.IsAsciiLetter(number[1]))
            {
                vat ??= number;
            }
        }

        return (legalId, vat);
    }
}
