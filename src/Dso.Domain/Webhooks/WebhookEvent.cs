namespace Dso.Domain.Webhooks;

/// <summary>What a webhook can be told of.</summary>
public enum WebhookEvent
{
    AlertRaised,
    SyncRunFinished,
    PieceUpdated,
    ImportJobFinished,
    MessageFailed,
}

/// <summary>The <c>type</c> of each event in a delivery's body.</summary>
public static class WebhookEvents
{
    public static string TypeOf(WebhookEvent value) => value switch
    {
        WebhookEvent.AlertRaised => "alert.raised",
        WebhookEvent.SyncRunFinished => "sync_run.finished",
        WebhookEvent.PieceUpdated => "piece.updated",
        WebhookEvent.ImportJobFinished => "import_job.finished",
        WebhookEvent.MessageFailed => "message.failed",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>The webhook event of a domain event's topic, if any.</summary>
    public static WebhookEvent? Of(Events.EventTopic topic) => topic switch
    {
        Events.EventTopic.AlertRaised => WebhookEvent.AlertRaised,
        Events.EventTopic.SyncRunUpdated => WebhookEvent.SyncRunFinished,
        Events.EventTopic.PieceUpdated => WebhookEvent.PieceUpdated,
        Events.EventTopic.ImportJobUpdated => WebhookEvent.ImportJobFinished,
        Events.EventTopic.MessageFailed => WebhookEvent.MessageFailed,
        _ => null,
    };
}
