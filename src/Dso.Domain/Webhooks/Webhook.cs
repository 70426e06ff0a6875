using Dso.Domain.Common;

namespace Dso.Domain.Webhooks;

/// <summary>
/// A server told of an organization's events: its URL, the events it wants, and its signing secret (sealed by the
/// API; shown once, at creation). A webhook whose deliveries keep failing for <see cref="FailingFor"/> is disabled.
/// </summary>
public sealed class Webhook : ITenantOwned
{
    public static readonly TimeSpan FailingFor = TimeSpan.FromDays(1);

    private Webhook()
    {
    }

    public Webhook(long organizationId, string url, IEnumerable<WebhookEvent> events, string sealedSecret, DateTimeOffset now)
    {
        (OrganizationId, Url, SealedSecret, CreatedAt) = (organizationId, url, sealedSecret, now);
        EventMask = events.Aggregate(0, (mask, e) => mask | (1 << (int)e));
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public string Url { get; private set; } = "";

    /// <summary>One bit per <see cref="WebhookEvent"/>.</summary>
    public int EventMask { get; private set; }

    public IReadOnlyList<WebhookEvent> Events => Enum.GetValues<WebhookEvent>().Where(Wants).ToList();

    public string SealedSecret { get; private set; } = "";

    public bool Enabled { get; private set; } = true;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Since when its deliveries have failed without one succeeding; null while they succeed.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public bool Wants(WebhookEvent value) => (EventMask & (1 << (int)value)) != 0;

    public void Enable(bool enabled) => (Enabled, FailingSince) = (enabled, null);

    public void Succeeded() => FailingSince = null;

    /// <summary>Records a failed attempt; true when the webhook has now failed for a day and is disabled.</summary>
    public bool Failed(DateTimeOffset now)
    {
        FailingSince ??= now;
        if (Enabled && now - FailingSince >= FailingFor)
        {
            Enabled = false;
            return true;
        }

        return false;
    }
}
