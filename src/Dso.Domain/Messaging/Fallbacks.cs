using Dso.Domain.Actions;
using Dso.Domain.Persistence;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Messaging;

/// <summary>
/// What happens when an automatic message cannot be sent, never silently: its action fails with the reason, and a
/// person gets the step to do by another way on the agenda the same day: an e-mail becomes a letter, an SMS a call.
/// </summary>
public static class Fallbacks
{
    public static Channel For(Channel channel) => channel switch
    {
        Channel.Email => Channel.Letter,
        Channel.Sms => Channel.Call,
        _ => Channel.Task,
    };

    /// <summary>Fails the action and adds its fallback, by default the channel's (saved with the caller's changes).</summary>
    public static async Task ApplyAsync(DsoDbContext db, long actionId, string reason, DateTimeOffset now, CancellationToken cancellationToken, Channel? instead = null)
    {
        var action = await db.Actions.Include(a => a.Pieces).SingleAsync(a => a.Id == actionId, cancellationToken);
        action.Fail(reason);
        db.Actions.Add(CollectionAction.Specific(action.OrganizationId, action.ClientId, action.Pieces.Select(p => p.PieceId), instead ?? For(action.Channel),
            action.DueDate, action.AssigneeId, $"The automatic {action.Channel.ToString().ToLowerInvariant()} could not be sent: {reason}", now));
    }
}
