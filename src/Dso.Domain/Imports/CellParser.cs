using System.Globalization;

namespace Dso.Domain.Imports;

/// <summary>Reads the cells of exports as French (and other) ERPs write them.</summary>
public sealed class CellParser(char decimalSeparator, string dateFormat)
{
    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F', '\u2009', '\''];
    private readonly string[] dateFormats = dateFormat == "yyyy-MM-dd" ? [dateFormat] : [dateFormat, "yyyy-MM-dd"];

    /// <summary>"1 234,56", "1.234,56", "-1 234,56" or "1234.56" (as the mapping says); null when it is not a number.</summary>
    public decimal? Amount(string text)
    {
        var compact = string.Concat(text.Trim().Where(c => Array.IndexOf(Spaces, c) < 0));
        if (compact.Length is 0 or > 40)
        {
            return null;
        }

        compact = decimalSeparator == ','
            ? compact.Replace(".", "", StringComparison.Ordinal).Replace(',', '.')
            : compact.Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A text cell that a spreadsheet would run as a formula: refused rather than stored (see <see cref="Common.FormulaText"/>).</summary>
    public static bool LooksLikeFormula(string text) => Common.FormulaText.LooksLikeFormula(text);

    /// <summary>Binary content or text decoded with the wrong encoding.</summary>
    public static string? Garbled(string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? "contains binary data"
        : text.Contains('\uFFFD', StringComparison.Ordinal) ? "has characters that are not valid in the mapping's encoding (is the file windows-1252?)"
        : null;
}
