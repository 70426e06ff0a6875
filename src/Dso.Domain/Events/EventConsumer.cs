namespace Dso.Domain.Events;

/// <summary>
/// The position of one durable handler in the event log: the last event it handled, advanced in the same
/// transaction as what the handler wrote, so a crash replays from there and never loses or repeats an effect.
/// One worker at a time holds it, under a lease.
/// </summary>
public sealed class EventConsumer : Work.ILeased
{
    private EventConsumer()
    {
    }

    public EventConsumer(string name) => Name = name;

    public string Name { get; private set; } = "";

    public long Position { get; private set; }

    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>How many times in a row the event after the position failed; at <see cref="DispatchEvents.MaxFailures"/> it is passed over.</summary>
    public int Failures { get; private set; }

    public string? LastError { get; private set; }
}
