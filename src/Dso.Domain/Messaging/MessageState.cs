namespace Dso.Domain.Messaging;

/// <summary>The life of a message in the outbox.</summary>
public enum MessageState
{
    /// <summary>Waiting for its channel, the send window or its next attempt.</summary>
    Queued,

    /// <summary>Handed to its channel: a process that dies now leaves it so, and it is never sent again blindly.</summary>
    Sending,

    Sent,

    /// <summary>Given up, with the reason in words (and a fallback for a person).</summary>
    Failed,

    Cancelled,
}
