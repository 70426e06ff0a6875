using Dso.Domain.Actions;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Messaging;

/// <summary>
/// Sends a person's planned e-mail, SMS, letter or internal e-mail now: its message is queued at once (the
/// dispatcher sends it at its next turn, inside the send window). An action that already has a message, or is no
/// longer planned, is a CONFLICT; one a channel cannot reach gets its message FAILED with the reason, as an automatic one.
/// </summary>
public sealed class SendAction(DsoDbContext db, QueueMessages queue)
{
    public async Task<Outcome<Message>> ExecuteAsync(long? actionId, long? templateId, CancellationToken cancellationToken)
    {
        var action = actionId is { } id ? await db.Actions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
        if (action is null)
        {
            return Outcomes.Failure<Message>(UserError.NotFound("No such action.", "actionId"));
        }

        if (!QueueMessages.Sent.Contains(action.Channel))
        {
            return Outcomes.Failure<Message>(UserError.Invalid($"A {action.Channel.ToString().ToUpperInvariant()} action is done by a person; only EMAIL, SMS, LETTER and INTERNAL_EMAIL actions are sent.", "actionId"));
        }

        if (action.State != ActionState.Planned)
        {
            return Outcomes.Failure<Message>(UserError.Conflict($"The action is {action.State.ToString().ToUpperInvariant()}, not PLANNED.", "actionId"));
        }

        if (await db.Messages.AnyAsync(m => m.ActionId == action.Id, cancellationToken))
        {
            return Outcomes.Failure<Message>(UserError.Conflict("The action's message is already in the outbox.", "actionId"));
        }

        var templateChannel = templateId is null ? null : await db.Templates.AsNoTracking().Where(t => t.Id == templateId).Select(t => (Scenarios.Channel?)t.Channel).FirstOrDefaultAsync(cancellationToken);
        if (templateId is not null && templateChannel is null)
        {
            return Outcomes.Failure<Message>(UserError.NotFound("No such template.", "templateId"));
        }

        if (templateChannel is { } channel && channel != action.Channel)
        {
            return Outcomes.Failure<Message>(UserError.Invalid($"The template is for {channel}, the action is {action.Channel}.", "templateId"));
        }

        if (templateId is null && action.TemplateId is null)
        {
            return Outcomes.Failure<Message>(UserError.Invalid("The action has no template; pass a templateId.", "templateId"));
        }

        return await queue.QueueAsync(action.Id, templateId, cancellationToken) is { } message
            ? Outcomes.Success(message)
            : Outcomes.Failure<Message>(UserError.Conflict("The action's message is already in the outbox.", "actionId"));
    }
}
