using Dso.Domain.Common.Paging;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Webhooks;

/// <summary>The organization's webhooks, oldest first.</summary>
public sealed class ListWebhooks(DsoDbContext db)
{
    public async Task<IReadOnlyList<Webhook>> ExecuteAsync(CancellationToken cancellationToken) =>
        await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync(cancellationToken);
}

/// <summary>A page of a webhook's deliveries, newest first.</summary>
public sealed class ListWebhookDeliveries(DsoDbContext db)
{
    private static readonly SortKey<WebhookDelivery>[] Keys = [SortKeys.By<WebhookDelivery, long>("id", d => d.Id, descending: true)];

    public Task<Page<WebhookDelivery>> ExecuteAsync(long webhookId, PageRequest page, CancellationToken cancellationToken) =>
        Keyset.PageAsync(db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == webhookId), Keys, page, cancellationToken);
}
