using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Messaging;

/// <summary>Retires a template no live scenario step uses any more.</summary>
public sealed class ArchiveTemplate(DsoDbContext db)
{
    public async Task<Outcome<Template>> ExecuteAsync(long id, CancellationToken cancellationToken)
    {
        var template = await db.Templates.Include(t => t.Translations).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return Outcomes.Failure<Template>(UserError.NotFound("No such template.", "id"));
        }

        var usedBy = await db.Scenarios.Where(s => !s.Archived && s.Steps.Any(step => step.TemplateId == id)).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (usedBy is not null)
        {
            return Outcomes.Failure<Template>(UserError.Conflict($"The scenario '{usedBy}' uses this template; change its steps first.", "id"));
        }

        template.Archive();
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(template);
    }
}
