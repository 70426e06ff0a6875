using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Messaging;

/// <summary>Renames a template or replaces its translations (the channel stays: scenario steps rely on it).</summary>
public sealed class UpdateTemplate(DsoDbContext db)
{
    public async Task<Outcome<Template>> ExecuteAsync(long id, TemplateInput input, CancellationToken cancellationToken)
    {
        var template = await db.Templates.Include(t => t.Translations).FirstOrDefaultAsync(t => t.Id == id && !t.Archived, cancellationToken);
        if (template is null)
        {
            return Outcomes.Failure<Template>(UserError.NotFound("No such template.", "id"));
        }

        var errors = await TemplateValidation.ValidateAsync(db, id, input, template.Channel, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcomes.Failure<Template>(errors);
        }

        if (input.Name is { } name)
        {
            template.Rename(name.Trim());
        }

        if (input.Translations is { } translations)
        {
            template.ReplaceTranslations(TemplateValidation.Normalized(translations));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(template);
    }
}
