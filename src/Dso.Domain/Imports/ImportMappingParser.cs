using System.Globalization;
using System.Text;
using System.Text.Json;
using Dso.Domain.Common;
using Dso.Domain.Pieces;

namespace Dso.Domain.Imports;

/// <summary>Reads and checks the JSON mapping; every problem is a user error naming the mapping key.</summary>
public static class ImportMappingParser
{
    static ImportMappingParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Outcome<ImportMapping> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Outcomes.Failure<ImportMapping>(UserError.Invalid("A mapping is required.", "mapping"));
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return Outcomes.Failure<ImportMapping>(UserError.Invalid($"The mapping is not valid JSON: {e.Message}", "mapping"));
        }

        return root.ValueKind == JsonValueKind.Object
            ? Parse(root)
            : Outcomes.Failure<ImportMapping>(UserError.Invalid("The mapping must be a JSON object.", "mapping"));
    }

    private static Outcome<ImportMapping> Parse(JsonElement root)
    {
        var errors = new List<UserError>();
        var kind = Text(root, "kind") switch
        {
            null or "PIECES" => ImportKind.Pieces,
            "CLIENTS" => ImportKind.Clients,
            var other => Fail(ImportKind.Pieces, $"kind '{other}' is neither PIECES nor CLIENTS.", "kind"),
        };
        var delimiter = Char(root, "delimiter", ',');
        var decimalSeparator = Char(root, "decimalSeparator", '.');
        if (decimalSeparator is not ('.' or ','))
        {
            errors.Add(UserError.Invalid("decimalSeparator is ',' or '.'.", "mapping", "decimalSeparator"));
        }

        var dateFormat = Text(root, "dateFormat") ?? "yyyy-MM-dd";
        if (!IsDateFormat(dateFormat))
        {
            errors.Add(UserError.Invalid($"dateFormat '{dateFormat}' is not a date pattern such as dd/MM/yyyy.", "mapping", "dateFormat"));
        }

        var encoding = Encoding.UTF8;
        if (Text(root, "encoding") is { } name)
        {
            try
            {
                encoding = Encoding.GetEncoding(name);
            }
            catch (ArgumentException)
            {
                errors.Add(UserError.Invalid($"encoding '{name}' is unknown; use utf-8 or windows-1252.", "mapping", "encoding"));
            }
        }

        var columns = Map(root, "columns", (value, key) => value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } header ? header : null);
        var allowed = kind == ImportKind.Pieces ? ImportMapping.PieceFields : ImportMapping.ClientFields;
        errors.AddRange(columns.Keys.Where(k => !allowed.Contains(k)).Select(k => UserError.Invalid($"'{k}' is not a field of a {kind.ToString().ToUpperInvariant()} mapping.", "mapping", "columns", k)));
        var required = kind == ImportKind.Pieces ? new[] { "clientCode", "number", "amount", "openAmount" } : ["clientCode", "clientName"];
        errors.AddRange(required.Where(f => !columns.ContainsKey(f)).Select(f => UserError.Invalid($"columns.{f} is required.", "mapping", "columns", f)));
        var types = Map(root, "typeValues", (value, key) => value.ValueKind == JsonValueKind.String && Enum.TryParse<PieceType>(value.GetString()!.Replace("_", "", StringComparison.Ordinal), true, out var type) ? type : (PieceType?)null);
        errors.AddRange(types.Where(t => t.Value is null).Select(t => UserError.Invalid($"typeValues.{t.Key} is not a piece type.", "mapping", "typeValues", t.Key)));

        return errors.Count > 0
            ? Outcomes.Failure<ImportMapping>(errors)
            : Outcomes.Success(new ImportMapping(kind, delimiter, encoding, decimalSeparator, dateFormat,
                columns.ToDictionary(c => c.Key, c => c.Value!), types.ToDictionary(t => t.Key, t => t.Value!.Value, StringComparer.OrdinalIgnoreCase)));

        T Fail<T>(T fallback, string message, params string[] path)
        {
            errors.Add(UserError.Invalid(message, ["mapping", .. path]));
            return fallback;
        }

        char Char(JsonElement element, string key, char fallback) => Text(element, key) switch
        {
            null => fallback,
            "\\t" or "\t" => '\t',
            { Length: 1 } one => one[0],
            var other => Fail(fallback, $"{key} '{other}' must be one character.", key),
        };

        Dictionary<string, TValue?> Map<TValue>(JsonElement element, string key, Func<JsonElement, string, TValue?> read)
        {
            var result = new Dictionary<string, TValue?>(StringComparer.Ordinal);
            if (!element.TryGetProperty(key, out var map) || map.ValueKind == JsonValueKind.Null)
            {
                return result;
            }

            if (map.ValueKind != JsonValueKind.Object)
            {
                return Fail(result, $"{key} must be an object.", key);
            }

            foreach (var property in map.EnumerateObject())
            {
                result[property.Name] = read(property.Value, property.Name) ?? (typeof(TValue) == typeof(string) ? Fail<TValue?>(default, $"{key}.{property.Name} must be a non-empty string.", key, property.Name) : default);
            }

            return result;
        }
    }

    private static string? Text(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsDateFormat(string format) =>
        format.Contains("yy", StringComparison.Ordinal) && format.Contains('M', StringComparison.Ordinal) && format.Contains('d', StringComparison.Ordinal) &&
        DateOnly.TryParseExact(new DateOnly(2025, 12, 31).ToString(format, CultureInfo.InvariantCulture), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
