using Dso.Domain.Common;
using Dso.Domain.Work;

namespace Dso.Domain.Webhooks;

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryState
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One event for one webhook: its body, fixed when queued, and its message id (<c>webhook-id</c>, the same on every
/// attempt, so that a receiver can drop repeats), tried until a 2xx answer, with growing delays
/// (<see cref="Schedule"/>), by the worker holding its lease.
/// </summary>
public sealed class WebhookDelivery : ITenantOwned, ILeased
{
    /// <summary>The delays after each failed attempt (the Standard Webhooks schedule); after the last, the delivery fails.</summary>
    public static readonly TimeSpan[] Schedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    private WebhookDelivery()
    {
    }

    public WebhookDelivery(long organizationId, long webhookId, WebhookEvent webhookEvent, long entityId, string body, DateTimeOffset now)
    {
        (OrganizationId, WebhookId, Event, EntityId, Body, CreatedAt, NextAttemptAt) = (organizationId, webhookId, webhookEvent, entityId, body, now, now);
        MessageId = "msg_" + Base64Url.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long WebhookId { get; private set; }

    public WebhookEvent Event { get; private set; }

    /// <summary>The alert, run, piece, job or message the event is about.</summary>
    public long EntityId { get; private set; }

    /// <summary>The <c>webhook-id</c> header.</summary>
    public string MessageId { get; private set; } = "";

    public string Body { get; private set; } = "";

    public WebhookDeliveryState State { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public int? ResponseStatus { get; private set; }

    public string? Error { get; private set; }

    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>Records an attempt's answer (a status, or the error that stopped it).</summary>
    public void Attempted(int? status, string? error, DateTimeOffset now)
    {
        (Attempts, LastAttemptAt, ResponseStatus, Error, ClaimedBy, LeaseUntil) = (Attempts + 1, now, status, error is { Length: > 1000 } ? error[..1000] : error, null, null);
        if (status is >= 200 and < 300)
        {
            (State, Error) = (WebhookDeliveryState.Delivered, null);
        }
        else if (Attempts > Schedule.Length)
        {
            State = WebhookDeliveryState.Failed;
        }
        else
        {
            NextAttemptAt = now + Schedule[Attempts - 1];
        }
    }

    /// <summary>Gives up: its webhook was disabled.</summary>
    public void Abandon(string reason) => (State, Error, ClaimedBy, LeaseUntil) = (WebhookDeliveryState.Failed, reason, null, null);
}
