using System.ComponentModel.DataAnnotations;

namespace Dso.Api.Webhooks;

/// <summary>Webhook deliveries (<c>Dso:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Dso:Webhooks";

    /// <summary>Allows loopback and private addresses, and plain http (tests, private networks); default false.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>How long one attempt may take, connection included, before it counts as failed (default 00:00:10).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
