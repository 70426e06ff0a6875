namespace Dso.Domain.Events;

/// <summary>What a domain event says happened. Subscriptions watch some of them; handlers react to any.</summary>
public enum EventTopic
{
    /// <summary>An alert was raised.</summary>
    AlertRaised,

    /// <summary>A piece was created or changed (amounts, status, promise, due date...), or several at once (an import's batch).</summary>
    PieceUpdated,

    /// <summary>An import job was queued, started, made progress or ended.</summary>
    ImportJobUpdated,

    /// <summary>A piece was qualified: the event names the status change.</summary>
    PieceQualified,

    /// <summary>Who may do what changed: an API key was revoked, or a user archived or given other roles (open connections check again).</summary>
    AccessChanged,

    /// <summary>A sync run was queued, started, committed a batch or ended.</summary>
    SyncRunUpdated,

    /// <summary>A client was created or changed through the API (its credit limit, review date...), or several at once.</summary>
    ClientUpdated,

    /// <summary>A message failed for good (refused, stale, or interrupted mid-send).</summary>
    MessageFailed,
}
