using System.Globalization;
using Dso.Domain.Alerts;
using Dso.Domain.Persistence;
using Dso.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Webhooks;

/// <summary>Sends one attempt of a delivery (the API's HTTP sender, which signs it).</summary>
public interface IWebhookSender
{
    Task<WebhookAttempt> SendAsync(Webhook webhook, WebhookDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>An attempt's answer: the HTTP status, or why there was none (refused address, timeout, connection).</summary>
public sealed record WebhookAttempt(int? Status, string? Error);

/// <summary>
/// One turn of the webhook deliveries, every organization's: claims up to <see cref="Batch"/> due deliveries of
/// enabled webhooks with a lease (another process takes them over if this one dies; the receiver drops a repeat by
/// its <c>webhook-id</c>), sends them <see cref="Parallelism"/> at a time, and records each answer: delivered on 2xx,
/// else tried again later (<see cref="WebhookDelivery.Schedule"/>). A webhook whose deliveries have failed for a
/// day is disabled, its pending deliveries failed, and a WEBHOOK_DISABLED alert raised.
/// </summary>
public sealed class DeliverWebhooks(DsoDbContext db, IWebhookSender sender, Worker worker, TimeProvider clock)
{
    public const int Batch = 200;
    public const int Parallelism = 32;

    /// <summary>Returns how many attempts were made (0: nothing was due).</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deliveries = db.Set<WebhookDelivery>().IgnoreQueryFilters();
        var ids = await deliveries.Where(Leases.Free<WebhookDelivery>(now))
            .Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now && db.Set<Webhook>().IgnoreQueryFilters().Any(w => w.Id == d.WebhookId && w.Enabled))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
        if (ids.Count == 0 || await Leases.ClaimAsync(deliveries.Where(d => ids.Contains(d.Id) && d.State == WebhookDeliveryState.Pending), worker, now, cancellationToken) == 0)
        {
            return 0;
        }

        var claimed = await deliveries.Where(d => ids.Contains(d.Id) && d.ClaimedBy == worker.Name && d.State == WebhookDeliveryState.Pending).ToListAsync(cancellationToken);
        var hookIds = claimed.Select(d => d.WebhookId).Distinct().ToList();
        var webhooks = await db.Set<Webhook>().IgnoreQueryFilters().Where(w => hookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var answers = new WebhookAttempt[claimed.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) => answers[i] = await sender.SendAsync(webhooks[claimed[i].WebhookId], claimed[i], token));

        var at = clock.GetUtcNow();
        foreach (var (delivery, answer) in claimed.Zip(answers))
        {
            var webhook = webhooks[delivery.WebhookId];
            delivery.Attempted(answer.Status, answer.Error, at);
            if (delivery.State == WebhookDeliveryState.Delivered)
            {
                webhook.Succeeded();
            }
            else if (webhook.Failed(at))
            {
                await DisableAsync(webhook, answer, at, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return claimed.Count;
    }

    private async Task DisableAsync(Webhook webhook, WebhookAttempt last, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string Reason = "The webhook was disabled: its deliveries failed for a day.";
        foreach (var pending in db.ChangeTracker.Entries<WebhookDelivery>().Select(e => e.Entity).Where(d => d.WebhookId == webhook.Id && d.State == WebhookDeliveryState.Pending))
        {
            pending.Abandon(Reason);
        }

        await db.Set<WebhookDelivery>().IgnoreQueryFilters().Where(d => d.WebhookId == webhook.Id && d.State == WebhookDeliveryState.Pending && d.ClaimedBy == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, WebhookDeliveryState.Failed).SetProperty(d => d.Error, Reason), cancellationToken);
        if (await ListAlertRules.EnabledAsync(db, webhook.OrganizationId, AlertKind.WebhookDisabled, cancellationToken))
        {
            var answer = last.Status is { } status ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status}") : last.Error;
            db.Alerts.Add(new Alert(webhook.OrganizationId, AlertKind.WebhookDisabled, null,
                $"The webhook {webhook.Url} was disabled: its deliveries failed for a day (last answer: {answer}). Enable it again once the receiver works.", at));
        }
    }
}
