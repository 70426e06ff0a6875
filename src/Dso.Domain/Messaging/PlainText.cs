using System.Net;
using System.Text.RegularExpressions;

namespace Dso.Domain.Messaging;

/// <summary>The text part of an HTML message: blocks and rows become lines, cells are separated, tags dropped, entities decoded.</summary>
public static partial class PlainText
{
    public static string FromHtml(string html)
    {
        var text = BlockEnd().Replace(html, "\n");
        text = CellEnd().Replace(text, "\t");
        text = WebUtility.HtmlDecode(Tag().Replace(text, ""));
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim() + "\n";
    }

    [GeneratedRegex(@"<br\s*/?>|</(p|div|tr|li|h[1-6]|table)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"</t[dh]>", RegexOptions.IgnoreCase)]
    private static partial Regex CellEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
