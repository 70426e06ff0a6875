using System.Collections.Concurrent;
using HandlebarsDotNet;

namespace Dso.Domain.Messaging;

/// <summary>
/// Renders template texts with Handlebars.Net: HTML-escaped for email bodies, as plain text for subjects,
/// SMS, letters and call or task scripts. Compiled texts are kept (a morning run renders one text many times).
/// </summary>
public static class TemplateRenderer
{
    private const int MaxCached = 500;

    private static readonly IHandlebars Html = Handlebars.Create(new HandlebarsConfiguration { TextEncoder = new HtmlValueEncoder() });
    private static readonly IHandlebars Text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
    private static readonly ConcurrentDictionary<(bool, string), HandlebarsTemplate<object, object>> Compiled = new();

    public static string Render(string text, object model, bool escapeHtml) => Compile(text, escapeHtml)(model);

    internal static HandlebarsTemplate<object, object> Compile(string text, bool escapeHtml)
    {
        if (Compiled.TryGetValue((escapeHtml, text), out var compiled))
        {
            return compiled;
        }

        if (Compiled.Count >= MaxCached)
        {
            Compiled.Clear();
        }

        compiled = (escapeHtml ? Html : Text).Compile(text);
        Compiled[(escapeHtml, text)] = compiled;
        return compiled;
    }
}
