using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Messaging;

/// <summary>The checks of a template when it is saved: a unique name, distinct languages, and texts that name only known placeholders.</summary>
internal static class TemplateValidation
{
    private const int MaxBody = 20_000;
    private const int MaxSubject = 200;
    private const int MaxTranslations = 30;

    public static async Task<List<UserError>> ValidateAsync(DsoDbContext db, long? id, TemplateInput input, Channel channel, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        if (input.Name is { } name)
        {
            var trimmed = name.Trim();
            if (trimmed.Length is 0 or > 100)
            {
                errors.Add(UserError.Invalid("name must have 1 to 100 characters.", "name"));
            }
            else if (await db.Templates.AnyAsync(t => t.Name == trimmed && t.Id != id, cancellationToken))
            {
                errors.Add(UserError.Conflict($"A template named '{trimmed}' already exists.", "name"));
            }
        }

        if (input.Translations is not { } translations)
        {
            return errors;
        }

        if (translations.Count is 0 or > MaxTranslations)
        {
            errors.Add(UserError.Invalid($"A template has 1 to {MaxTranslations} translations.", "translations"));
        }

        var languages = new HashSet<string>();
        for (var i = 0; i < translations.Count; i++)
        {
            var path = new FieldPath("translations", i);
            var translation = translations[i];
            var language = Languages.Normalize(translation.Language);
            if (language is null)
            {
                errors.Add(path.Invalid("language", $"'{translation.Language}' is not a language code such as 'fr' or 'en-GB'."));
            }
            else if (!languages.Add(language))
            {
                errors.Add(path.Invalid("language", $"Two translations in '{language}'."));
            }

            CheckSubject(translation.Subject, channel, path, errors);
            if (string.IsNullOrWhiteSpace(translation.Body) || translation.Body.Length > MaxBody)
            {
                errors.Add(path.Invalid("body", $"body must have 1 to {MaxBody} characters."));
            }
            else
            {
                errors.AddRange(TemplateSyntax.Check(translation.Body).Select(problem => path.Invalid("body", problem)));
            }
        }

        return errors;
    }

    /// <summary>The input's translations with their languages normalized.</summary>
    public static IEnumerable<TemplateTranslationInput> Normalized(IEnumerable<TemplateTranslationInput> translations) =>
        translations.Select(t => t with { Language = Languages.Normalize(t.Language), Subject = string.IsNullOrWhiteSpace(t.Subject) ? null : t.Subject.Trim() });

    private static void CheckSubject(string? subject, Channel channel, FieldPath path, List<UserError> errors)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            if (channel is Channel.Email or Channel.InternalEmail)
            {
                errors.Add(path.Invalid("subject", "An email template needs a subject."));
            }

            return;
        }

        if (channel is not (Channel.Email or Channel.InternalEmail or Channel.Letter))
        {
            errors.Add(path.Invalid("subject", $"A {channel} template has no subject."));
        }
        else if (subject.Length > MaxSubject || subject.Contains('\n') || subject.Contains('\r'))
        {
            errors.Add(path.Invalid("subject", $"subject is one line of at most {MaxSubject} characters."));
        }
        else
        {
            errors.AddRange(TemplateSyntax.Check(subject).Select(problem => path.Invalid("subject", problem)));
        }
    }
}
