using System.Text;
using System.Text.Json;
using Dso.Domain.Events;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Webhooks;

/// <summary>What the API gives the webhooks: each entity as its subscription returns it, and a wake-up for its sender.</summary>
public interface IWebhookOutlet
{
    /// <summary>The JSON of each entity found among <paramref name="ids"/>, by id (those gone are absent).</summary>
    Task<IReadOnlyDictionary<long, string>> DataAsync(WebhookEvent webhookEvent, IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>Deliveries were queued in the transaction about to commit.</summary>
    void Queued();
}

/// <summary>
/// Queues a delivery per enabled webhook that wants an event, with its body fixed now: <c>{"type", "timestamp",
/// "data"}</c>. Runs as an event processor, so deliveries commit with the event's position: queued exactly once. A
/// sync run or an import job counts once it has finished; alerts, runs, jobs and failed messages are delivered once
/// per webhook, pieces at each change.
/// </summary>
public sealed class QueueWebhookDeliveries(DsoDbContext db, IWebhookOutlet outlet, TimeProvider clock) : IEventProcessor
{
    public string Name => "webhooks.queue";

    public bool Handles(EventTopic topic) => WebhookEvents.Of(topic) is not null;

    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var kind = WebhookEvents.Of(domainEvent.Topic)!.Value;
        var webhooks = (await db.Set<Webhook>().AsNoTracking().Where(w => w.Enabled).ToListAsync(cancellationToken)).Where(w => w.Wants(kind)).ToList();
        if (webhooks.Count == 0)
        {
            return;
        }

        var ids = domainEvent.Changes().Select(c => c.EntityId).Distinct().ToList();
        ids = kind switch
        {
            WebhookEvent.SyncRunFinished => await db.SyncRuns.Where(r => ids.Contains(r.Id) && r.FinishedAt != null).Select(r => r.Id).ToListAsync(cancellationToken),
            WebhookEvent.ImportJobFinished => await db.Set<Imports.ImportJob>().Where(j => ids.Contains(j.Id) && j.FinishedAt != null).Select(j => j.Id).ToListAsync(cancellationToken),
            _ => ids,
        };
        var data = ids.Count == 0 ? new Dictionary<long, string>() : await outlet.DataAsync(kind, ids, cancellationToken);
        var hookIds = webhooks.Select(w => w.Id).ToList();
        var sent = kind == WebhookEvent.PieceUpdated ? [] : (await db.Set<WebhookDelivery>()
            .Where(d => hookIds.Contains(d.WebhookId) && d.Event == kind && ids.Contains(d.EntityId)).Select(d => new { d.WebhookId, d.EntityId }).ToListAsync(cancellationToken))
            .Select(d => (d.WebhookId, d.EntityId)).ToHashSet();
        var now = clock.GetUtcNow();
        var queued = 0;
        using (var deliveries = new BulkInserter<WebhookDelivery>(db))
        {
            foreach (var (id, json) in data)
            {
                var body = Body(kind, domainEvent.At, json);
                foreach (var webhook in webhooks.Where(w => !sent.Contains((w.Id, id))))
                {
                    await deliveries.InsertAsync(new WebhookDelivery(domainEvent.OrganizationId, webhook.Id, kind, id, body, now), cancellationToken);
                    queued++;
                }
            }
        }

        if (queued > 0)
        {
            outlet.Queued();
        }
    }

    private static string Body(WebhookEvent kind, DateTimeOffset at, string data)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("type", WebhookEvents.TypeOf(kind));
            json.WriteString("timestamp", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WritePropertyName("data");
            json.WriteRawValue(data);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
