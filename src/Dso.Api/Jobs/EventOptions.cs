using System.ComponentModel.DataAnnotations;

namespace Dso.Api.Jobs;

/// <summary>How this process reads the event log (section <c>Dso:Events</c>).</summary>
public sealed class EventOptions
{
    public const string Section = "Dso:Events";

    /// <summary>How often the log is read for events other processes committed (this process's own wake it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Dso:Events:PollInterval must be between 10 ms and 10 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether this process runs the durable handlers (alert rules...); subscribers are served either way.</summary>
    public bool Dispatch { get; set; } = true;
}
