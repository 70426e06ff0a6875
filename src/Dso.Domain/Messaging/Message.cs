using Dso.Domain.Common;
using Dso.Domain.Scenarios;
using Dso.Domain.Work;

namespace Dso.Domain.Messaging;

/// <summary>
/// One message of the outbox: an automatic action's text for one channel, rendered when it was queued, with its
/// recipients. It is claimed by one dispatcher at a time (<see cref="ILeased"/>), marked <see cref="MessageState.Sending"/>
/// before its channel gets it and <see cref="MessageState.Sent"/> after; its <see cref="Key"/> is the stable part of
/// its e-mail <c>Message-ID</c>, which lets an operator find it in the mail server's log.
/// </summary>
public sealed class Message : ITenantOwned, ILeased
{
    private Message()
    {
    }

    public Message(long organizationId, long actionId, long clientId, Channel channel, IReadOnlyList<string> to, string? subject, string body, string language, DateTimeOffset now)
    {
        (OrganizationId, ActionId, ClientId, Channel, To, Subject, Body, Language, QueuedAt, NextAttemptAt) = (organizationId, actionId, clientId, channel, [.. to], subject, body, language, now, now);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long ActionId { get; private set; }

    public long ClientId { get; private set; }

    public Channel Channel { get; private set; }

    /// <summary>Addresses or phone numbers.</summary>
    public List<string> To { get; private set; } = [];

    public string? Subject { get; private set; }

    /// <summary>The body as rendered (HTML for e-mails).</summary>
    public string Body { get; private set; } = "";

    public string Language { get; private set; } = "fr";

    public MessageState State { get; private set; } = MessageState.Queued;

    public int Attempts { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    /// <summary>Not before then: its next attempt after a failure.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The last failure, in words.</summary>
    public string? Error { get; private set; }

    public string Key { get; private set; } = Guid.NewGuid().ToString("N");

    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>Its channel took it.</summary>
    public void MarkSent(DateTimeOffset now) => (State, SentAt, Error, ClaimedBy, LeaseUntil) = (MessageState.Sent, now, null, null, null);

    /// <summary>Its channel failed for now: back in the queue until <paramref name="at"/>.</summary>
    public void Retry(DateTimeOffset at, string reason) => (State, NextAttemptAt, Error, ClaimedBy, LeaseUntil) = (MessageState.Queued, at, reason, null, null);

    public void Fail(string reason) => (State, Error, ClaimedBy, LeaseUntil) = (MessageState.Failed, reason, null, null);

    /// <summary>Its action was done or cancelled by a person meanwhile: nothing to send.</summary>
    public void Cancel() => (State, ClaimedBy, LeaseUntil) = (MessageState.Cancelled, null, null);

    /// <summary>A message that cannot be sent at all (no address, no template), failed from the start.</summary>
    public static Message Unsendable(long organizationId, long actionId, long clientId, Channel channel, string language, string reason, DateTimeOffset now) =>
        new(organizationId, actionId, clientId, channel, [], null, "", language, now) { State = MessageState.Failed, Error = reason };
}
