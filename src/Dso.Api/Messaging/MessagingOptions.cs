using System.ComponentModel.DataAnnotations;

namespace Dso.Api.Messaging;

/// <summary>The outbox's timer (section <c>Dso:Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Dso:Messaging";

    /// <summary>How often due actions are queued and the queue is sent.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Dso:Messaging:DispatchInterval must be between 1 second and 1 hour.")]
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether this process runs the outbox (queues due actions and sends).</summary>
    public bool Dispatch { get; set; } = true;
}
