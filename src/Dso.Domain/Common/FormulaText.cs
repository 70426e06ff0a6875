using System.Text.RegularExpressions;

namespace Dso.Domain.Common;

/// <summary>
/// Text a spreadsheet would run as a formula: it starts with <c>=</c>, <c>+</c>, <c>@</c>, a tab or a carriage return,
/// or with <c>-</c> when the whole text is not a number (<c>-2+3+cmd|' /C calc'!A0</c> is refused, <c>-1 234,56</c> is
/// not). Such text is refused wherever it comes in (imports, the API), and neutralised wherever it goes out.
/// </summary>
public static partial class FormulaText
{
    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && (text[0] is '=' or '+' or '@' or '\t' or '\r' || (text[0] == '-' && !SignedNumber().IsMatch(text)));

    /// <summary>The text as an export writes it: a leading apostrophe keeps a spreadsheet from running it.</summary>
    public static string Neutralize(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>Refuses a text field that looks like a formula, before or after trimming (a tab before <c>=</c> is no excuse).</summary>
    public static void Check(string? raw, FieldPath path, string field, List<UserError> errors)
    {
        if (LooksLikeFormula(raw) || LooksLikeFormula(raw?.Trim()))
        {
            errors.Add(path.Invalid(field, $"{field} looks like a spreadsheet formula (it starts with =, +, -, @, a tab or a carriage return); it is refused."));
        }
    }

    [GeneratedRegex(@"^-[0-9][0-9 .,\u00A0\u202F]*$")]
    private static partial Regex SignedNumber();
}
