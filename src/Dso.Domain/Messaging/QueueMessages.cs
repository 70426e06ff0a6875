using Dso.Domain.Actions;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Penalties;
using Dso.Domain.Persistence;
using Dso.Domain.Portal;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dso.Domain.Messaging;

/// <summary>
/// Puts the organization's automatic actions that are due (today or in the last <c>StaleDays</c> days) and that a
/// channel sends (e-mail, SMS, letter, internal e-mail) into the outbox, one message each, rendered now from the
/// action's template in the contact's language. A message to a customer carries a link to their page
/// (<see cref="Placeholders.PortalUrl"/>, added at its end when the template lacks it); an internal e-mail a link for
/// the colleagues asked to help. An action that cannot be sent (no template, no address, an invalid number) gets a
/// failed message with the reason and its fallback for a person (<see cref="Fallbacks"/>). A unique index on the
/// action keeps one message per action across instances.
/// </summary>
public sealed class QueueMessages(DsoDbContext db, RenderAction render, ListLatePenalties penalties, IPortalAddress portal, IOptions<DomainOptions> options, TimeProvider clock)
{
    /// <summary>The channels a message is sent through; calls and tasks are for a person.</summary>
    public static readonly IReadOnlyList<Channel> Sent = [Channel.Email, Channel.Sms, Channel.Letter, Channel.InternalEmail];

    private const int Batch = 500;

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().SingleAsync(cancellationToken);
        var today = organization.Today(clock);
        var oldest = today.AddDays(-organization.Settings.StaleDays);
        var due = await db.Actions.AsNoTracking()
            .Where(a => a.Automatic && a.State == ActionState.Planned && Sent.Contains(a.Channel) && a.DueDate <= today && a.DueDate >= oldest)
            .Where(a => !db.Messages.Any(m => m.ActionId == a.Id))
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var id in due)
        {
            queued += await QueueAsync(id, null, cancellationToken) is { State: MessageState.Queued } ? 1 : 0;
        }

        return queued;
    }

    /// <summary>Queues one action's message (its template, or <paramref name="templateId"/>); null when another instance queued it first.</summary>
    public async Task<Message?> QueueAsync(long actionId, long? templateId, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().SingleAsync(cancellationToken);
        var action = await db.Actions.AsNoTracking().Include(a => a.Pieces).SingleAsync(a => a.Id == actionId, cancellationToken);
        var now = clock.GetUtcNow();
        var link = action.Channel switch
        {
            Channel.Email or Channel.Sms => new PortalLink(organization.Id, action.ClientId, PortalPurpose.Customer, null, [], now, options.Value.PortalLinkLifetime),
            Channel.InternalEmail => new PortalLink(organization.Id, action.ClientId, PortalPurpose.Colleague, null, action.Pieces.Select(p => p.PieceId), now, options.Value.PortalLinkLifetime),
            _ => null,
        };
        var url = link is null ? null : portal.UrlFor(link);
        var rendered = await render.ExecuteAsync(action.Id, templateId, cancellationToken, url);
        var message = rendered.Value is { } r
            ? await ComposeAsync(organization, action, r, url, now, cancellationToken)
            : Message.Unsendable(organization.Id, action.Id, action.ClientId, action.Channel, organization.Settings.DefaultLanguage,
                string.Join(" ", rendered.Errors.Select(e => e.Message)) is { Length: > 0 } why ? why : "The action no longer exists.", now);
        db.Messages.Add(message);
        if (link is not null && message.State == MessageState.Queued)
        {
            db.PortalLinks.Add(link);
        }

        if (message.State == MessageState.Failed)
        {
            await Fallbacks.ApplyAsync(db, action.Id, message.Error!, now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // Each action is a unit of its own: what it wrote is not carried into the next one's save.
            db.ChangeTracker.Clear();
            return message;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Messages.AsNoTracking().AnyAsync(m => m.ActionId == action.Id, cancellationToken))
            {
                throw;
            }

            return null; // Another instance queued it first.
        }
    }

    private async Task<Message> ComposeAsync(Organization organization, CollectionAction action, RenderedMessage r, string? url, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Message Unsendable(string reason) => Message.Unsendable(organization.Id, action.Id, action.ClientId, action.Channel, r.Language, reason, now);
        Message Queued(IReadOnlyList<string> to, string body) => new(organization.Id, action.Id, action.ClientId, action.Channel, to, r.Subject, body, r.Language, now);
        var client = r.Client!;
        var link = url is null || r.Body.Contains(url, StringComparison.Ordinal) ? "" : url;
        switch (action.Channel)
        {
            case Channel.Email:
                return r.Contact?.Email is { Length: > 0 } email
                    ? Queued([email], WithLink(r.Body, PortalLinkText(r.Language), link))
                    : Unsendable("The client has no contact with an e-mail address.");
            case Channel.Sms:
                var phone = r.Contact?.Phone;
                return PhoneNumbers.ToE164(phone, client.Address?.Country ?? "FR") is { } number
                    ? Queued([number], link.Length == 0 ? r.Body : $"{r.Body} {link}")
                    : Unsendable(string.IsNullOrWhiteSpace(phone) ? "The client has no contact with a phone number." : $"The phone number '{phone}' is not a number an SMS can be sent to.");
            case Channel.Letter:
                if (client.Address is null)
                {
                    return Unsendable("The client has no postal address.");
                }

                var today = organization.Today(clock);
                LatePenalties? late;
                try
                {
                    late = await penalties.ExecuteAsync(client.Id, today, cancellationToken);
                }
                catch (MissingPenaltyRateException)
                {
                    late = null;
                }

                var letter = Letter.Compose(organization, client, r.Pieces, late, r.Subject, r.Body, today, r.Language);
                return Queued(letter.Recipient, letter.ToJson());

            default:
                var colleagues = await db.ClientAssignments.Where(a => a.ClientId == client.Id)
                    .Join(db.Users.Where(u => !u.Archived && u.Email != ""), a => a.UserId, u => u.Id, (a, u) => u.Email).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
                return colleagues.Count > 0
                    ? Queued(colleagues, WithLink(r.Body, AnswerLinkText(r.Language), link))
                    : Unsendable("No user with an e-mail address is assigned to the client.");
        }
    }

    // The link written out in full, so that the text part (made from the HTML) carries it too.
    private static string WithLink(string html, string text, string link) => link.Length == 0 ? html : $"{html}\n<p>{text} <a href=\"{link}\">{link}</a></p>";

    private static string PortalLinkText(string language) =>
        language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? "Votre relevé et vos réponses en ligne :" : "Your statement and answers online:";

    private static string AnswerLinkText(string language) =>
        language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? "Répondre en ligne :" : "Answer online:";
}
