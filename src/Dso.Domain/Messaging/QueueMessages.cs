using Dso.Domain.Actions;
using Dso.Domain.Persistence;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Messaging;

/// <summary>
/// Puts the organization's automatic e-mail actions that are due (today or in the last <c>StaleDays</c> days) into
/// the outbox, one message each, rendered now from the action's template in the contact's language. An action that
/// cannot be sent (no template, no e-mail address) gets a failed message with the reason, and its fallback for a
/// person (<see cref="Fallbacks"/>). A unique index on the action keeps one message per action across instances.
/// Other channels wait for their adapters: their actions stay on the agenda.
/// </summary>
public sealed class QueueMessages(DsoDbContext db, RenderAction render, TimeProvider clock)
{
    private const int Batch = 500;

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().SingleAsync(cancellationToken);
        var today = organization.Today(clock);
        var oldest = today.AddDays(-organization.Settings.StaleDays);
        var due = await db.Actions.AsNoTracking()
            .Where(a => a.Automatic && a.State == ActionState.Planned && a.Channel == Channel.Email && a.DueDate <= today && a.DueDate >= oldest)
            .Where(a => !db.Messages.Any(m => m.ActionId == a.Id))
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => new { a.Id, a.ClientId }).Take(Batch).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var action in due)
        {
            var now = clock.GetUtcNow();
            var rendered = await render.ExecuteAsync(action.Id, null, cancellationToken);
            var message = rendered.Value switch
            {
                { To: { Length: > 0 } to } r => new Message(organization.Id, action.Id, action.ClientId, Channel.Email, [to], r.Subject, r.Body, r.Language, now),
                { } r => Message.Unsendable(organization.Id, action.Id, action.ClientId, Channel.Email, r.Language, "The client has no contact with an e-mail address.", now),
                null => Message.Unsendable(organization.Id, action.Id, action.ClientId, Channel.Email, organization.Settings.DefaultLanguage,
                    string.Join(" ", rendered.Errors.Select(e => e.Message)) is { Length: > 0 } why ? why : "The action no longer exists.", now),
            };
            db.Messages.Add(message);
            if (message.State == MessageState.Failed)
            {
                await Fallbacks.ApplyAsync(db, action.Id, message.Error!, now, cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                queued += message.State == MessageState.Queued ? 1 : 0;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await db.Messages.AsNoTracking().AnyAsync(m => m.ActionId == action.Id, cancellationToken))
                {
                    throw;
                }

                // Another instance queued it first.
            }
        }

        return queued;
    }
}
