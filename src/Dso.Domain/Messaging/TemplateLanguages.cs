namespace Dso.Domain.Messaging;

/// <summary>
/// Which translation of a template a message uses: the contact's language, else the client's, else the
/// organization's (each exactly, then by its base language: "en-GB" takes "en", written the British way),
/// else the template's first; anything but the first wish is reported as a warning.
/// </summary>
public static class TemplateLanguages
{
    /// <summary>The translation, the language its dates and amounts are written in, and what fell back.</summary>
    public sealed record Choice(TemplateTranslation Translation, string Culture, string? Warning);

    public static Choice Choose(Template template, IReadOnlyList<(string? Language, string Whose)> wishes)
    {
        var translations = template.Translations.OrderBy(t => t.Id).ToList();
        var wanted = wishes.Where(w => w.Language is not null).ToList();
        foreach (var (language, _) in wanted)
        {
            var chosen = translations.FirstOrDefault(t => t.Language == language)
                ?? translations.FirstOrDefault(t => Base(t.Language) == Base(language!));
            if (chosen is not null)
            {
                var fellBack = Base(language!) != Base(wanted[0].Language!);
                return new Choice(chosen, language!, fellBack ? Warning(wanted[0], chosen.Language) : null);
            }
        }

        return new Choice(translations[0], translations[0].Language, wanted.Count == 0 ? null : Warning(wanted[0], translations[0].Language));
    }

    private static string Base(string language) => language.Split('-')[0];

    private static string Warning((string? Language, string Whose) wish, string chosen) =>
        $"The template has no '{wish.Language}' translation ({wish.Whose} language); the message is in '{chosen}'.";
}
