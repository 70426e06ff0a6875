using Dso.Domain.Actions;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Messaging;

/// <summary>
/// Renders an action's message as it would be sent today, for a front end to preview: its template (or
/// another one of its channel), in the contact's language with the fallbacks of <see cref="TemplateLanguages"/>,
/// listing the action's pieces still open (or, for an action about no piece, the client's overdue ones).
/// </summary>
public sealed class RenderAction(DsoDbContext db, TimeProvider clock)
{
    /// <summary>The message, or null when there is no such action; <paramref name="portalUrl"/> is the link it carries (a preview shows a stand-in).</summary>
    public async Task<Outcome<RenderedMessage?>> ExecuteAsync(long actionId, long? templateId, CancellationToken cancellationToken, string? portalUrl = null)
    {
        var action = await db.Actions.AsNoTracking().Include(a => a.Pieces).FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return Outcomes.Success<RenderedMessage?>(null);
        }

        if ((templateId ?? action.TemplateId) is not { } id)
        {
            return Outcomes.Failure<RenderedMessage?>(UserError.Invalid("The action has no template; pass a templateId.", "templateId"));
        }

        var template = await db.Templates.AsNoTracking().Include(t => t.Translations).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return Outcomes.Failure<RenderedMessage?>(UserError.NotFound("No such template.", "templateId"));
        }

        if (template.Channel != action.Channel)
        {
            return Outcomes.Failure<RenderedMessage?>(UserError.Invalid($"The template is for {template.Channel}, the action is {action.Channel}.", "templateId"));
        }

        var organization = await db.Organizations.AsNoTracking().SingleAsync(cancellationToken);
        var client = await db.Clients.AsNoTracking().Include(c => c.Contacts).SingleAsync(c => c.Id == action.ClientId, cancellationToken);
        var contacts = client.Contacts.OrderBy(c => c.Id).ToList();
        var contact = contacts.FirstOrDefault(c => c.IsCollectionContact) ?? contacts.FirstOrDefault();
        var (translation, culture, warning) = TemplateLanguages.Choose(template,
            [(contact?.Language, "the contact's"), (client.Language, "the client's"), (organization.Settings.DefaultLanguage, "the organization's")]);
        var today = organization.Today(clock);
        var pieces = await PiecesAsync(action, today, cancellationToken);
        var model = MessageModel.Build(organization, client, contact, pieces, today, culture, portalUrl ?? PreviewPortalUrl);
        var html = template.Channel is Channel.Email or Channel.InternalEmail;
        var to = template.Channel switch
        {
            Channel.Email => contact?.Email,
            Channel.Sms or Channel.Call => contact?.Phone,
            _ => null,
        };
        return Outcomes.Success<RenderedMessage?>(new RenderedMessage(template, template.Channel, translation.Language,
            translation.Subject is null ? null : TemplateRenderer.Render(translation.Subject, model, escapeHtml: false),
            TemplateRenderer.Render(translation.Body, model, html), to, warning is null ? [] : [warning])
        {
            Client = client,
            Contact = contact,
            Pieces = pieces,
        });
    }

    /// <summary>What a preview shows where a sent message has its customer-page link.</summary>
    public const string PreviewPortalUrl = "https://dso.example/portal/preview";

    private async Task<List<Piece>> PiecesAsync(CollectionAction action, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = action.Pieces.Select(p => p.PieceId).ToList();
        var pieces = ids.Count > 0
            ? db.Pieces.Where(p => ids.Contains(p.Id) && p.OpenAmount != 0)
            : db.Pieces.Where(p => p.ClientId == action.ClientId && p.OpenAmount > 0 && p.DueDate < today && PieceTypes.Receivable.Contains(p.Type));
        return await pieces.AsNoTracking().OrderBy(p => p.DueDate).ThenBy(p => p.Number).ToListAsync(cancellationToken);
    }
}
