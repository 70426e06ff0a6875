using System.Globalization;
using HandlebarsDotNet;

namespace Dso.Domain.Messaging;

/// <summary>
/// Checks a template's text when it is saved: it must compile, and name only the placeholders of
/// <see cref="Placeholders"/>, the blocks <c>#each pieces</c>, <c>#if</c> and <c>#unless</c>, and <c>else</c>.
/// Helpers, partials and unescaped output (triple braces, <c>&amp;</c>) are refused: a client's name must
/// never be able to inject markup into an email.
/// </summary>
public static class TemplateSyntax
{
    private enum Scope
    {
        Root,
        Piece,
    }

    /// <summary>The problems of a text, each naming its line and column; empty when the text is fine.</summary>
    public static IReadOnlyList<string> Check(string text)
    {
        var problems = new List<string>();
        var scopes = new Stack<Scope>([Scope.Root]);
        foreach (var (tag, index) in Tags(text))
        {
            var where = Position(text, index);
            var problem = CheckTag(tag, scopes);
            if (problem is not null)
            {
                problems.Add($"{problem} ({where}).");
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        try
        {
            TemplateRenderer.Compile(text, escapeHtml: false);
            return [];
        }
        catch (HandlebarsException e)
        {
            return [$"The template does not compile: {e.Message.Split('\n')[0].Trim()}"];
        }
    }

    private static string? CheckTag(string raw, Stack<Scope> scopes)
    {
        var tag = raw.Trim('~').Trim();
        if (tag.StartsWith('{') || tag.StartsWith('&'))
        {
            return $"'{{{{{raw}}}}}' would insert a value without escaping it; write {{{{path}}}}";
        }

        if (tag.StartsWith('!'))
        {
            return null;
        }

        if (tag.StartsWith('>'))
        {
            return $"Partials are not available: '{{{{{tag}}}}}'";
        }

        if (tag.StartsWith('/'))
        {
            if (scopes.Count > 1)
            {
                scopes.Pop();
            }

            return null;
        }

        var words = tag.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tag.StartsWith('#') || tag.StartsWith('^') && tag.Length > 1)
        {
            return OpenBlock(words, scopes);
        }

        if (tag == "^" || tag == "else")
        {
            return null;
        }

        if (words.Length == 3 && words[0] == "else" && words[1] is "if" or "unless")
        {
            return CheckPath(words[2], scopes, condition: true);
        }

        return words.Length == 1
            ? CheckPath(words[0], scopes, condition: false)
            : $"Helpers are not available: '{{{{{tag}}}}}'";
    }

    private static string? OpenBlock(string[] words, Stack<Scope> scopes)
    {
        var helper = words[0].TrimStart('#', '^');
        var inverse = words[0].StartsWith('^');
        if (words.Length != 2 || helper is not ("each" or "if" or "unless") || inverse && helper != "if")
        {
            scopes.Push(scopes.Peek());
            return $"Only {{{{#each {Placeholders.PieceList}}}}}, {{{{#if path}}}} and {{{{#unless path}}}} blocks are available: '{{{{{string.Join(' ', words)}}}}}'";
        }

        if (helper == "each")
        {
            var list = Resolve(words[1], scopes);
            scopes.Push(Scope.Piece);
            return list is (Scope.Root, Placeholders.PieceList) ? null : $"Only {Placeholders.PieceList} can be looped over: '{words[1]}'";
        }

        scopes.Push(scopes.Peek());
        return CheckPath(words[1], scopes, condition: true);
    }

    private static string? CheckPath(string path, Stack<Scope> scopes, bool condition)
    {
        var resolved = Resolve(path, scopes);
        var known = resolved switch
        {
            (Scope.Root, var p) => Placeholders.RootPaths.Contains(p) || condition && p == Placeholders.PieceList,
            (Scope.Piece, var p) => Placeholders.PiecePaths.Contains(p) || p is "@index" or "@first" or "@last",
            _ => false,
        };
        return known ? null : $"Unknown placeholder '{{{{{path}}}}}'";
    }

    /// <summary>The scope a path is read in and the path within it, after <c>../</c>, <c>@root.</c> and <c>this.</c>.</summary>
    private static (Scope, string)? Resolve(string path, Stack<Scope> scopes)
    {
        var levels = scopes.ToArray();
        var depth = 0;
        while (path.StartsWith("../", StringComparison.Ordinal))
        {
            path = path[3..];
            depth++;
        }

        if (path.StartsWith("@root.", StringComparison.Ordinal))
        {
            return (Scope.Root, path[6..].Replace('/', '.'));
        }

        foreach (var prefix in new[] { "this.", "./", "this/" })
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                path = path[prefix.Length..];
            }
        }

        return depth < levels.Length ? (levels[depth], path.Replace('/', '.')) : null;
    }

    /// <summary>The inside of every <c>{{…}}</c> (and <c>{{{…}}}</c>) with its offset; <c>\{{</c> is literal text.</summary>
    private static IEnumerable<(string Tag, int Index)> Tags(string text)
    {
        var at = 0;
        while ((at = text.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            if (at > 0 && text[at - 1] == '\\')
            {
                at += 2;
                continue;
            }

            var comment = text.AsSpan(at).StartsWith("{{!--") || text.AsSpan(at).StartsWith("{{~!--");
            var close = comment ? text.IndexOf("--", at + 5, StringComparison.Ordinal) : at;
            var end = text.IndexOf("}}", close, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }

            while (end + 2 < text.Length && text[end + 2] == '}')
            {
                end++;
            }

            yield return (text[(at + 2)..end], at);
            at = end + 2;
        }
    }

    private static string Position(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}");
    }
}
