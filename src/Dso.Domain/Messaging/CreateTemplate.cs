using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Messaging;

/// <summary>Creates a template for a channel, refusing texts that name unknown placeholders.</summary>
public sealed class CreateTemplate(DsoDbContext db)
{
    public async Task<Outcome<Template>> ExecuteAsync(TemplateInput input, CancellationToken cancellationToken)
    {
        if (input.Channel is not { } channel)
        {
            return Outcomes.Failure<Template>(UserError.Invalid("channel is required.", "channel"));
        }

        var errors = await TemplateValidation.ValidateAsync(db, null, input, channel, cancellationToken);
        if (input.Name is null)
        {
            errors.Add(UserError.Invalid("name is required.", "name"));
        }

        if (input.Translations is null)
        {
            errors.Add(UserError.Invalid("translations are required.", "translations"));
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<Template>(errors);
        }

        var organizationId = await db.Organizations.Select(o => o.Id).SingleAsync(cancellationToken);
        var template = new Template(organizationId, input.Name!.Trim(), channel);
        template.ReplaceTranslations(TemplateValidation.Normalized(input.Translations!));
        db.Templates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(template);
    }
}
