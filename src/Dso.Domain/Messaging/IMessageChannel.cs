namespace Dso.Domain.Messaging;

/// <summary>A channel the host sends messages through (SMTP for e-mails): opened once per dispatch, for several messages.</summary>
public interface IMessageChannel
{
    Scenarios.Channel Channel { get; }

    Task<IMessageSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>An open channel (an SMTP connection): sends one message at a time.</summary>
public interface IMessageSession : IAsyncDisposable
{
    /// <summary>Sends the message, returning the document it made (a letter's PDF) to keep with it; a failure is a <see cref="MessageSendException"/> saying whether trying again may work.</summary>
    Task<SentDocument?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>A message as its channel sends it: the outbox row's texts, who it is from and where replies go.</summary>
public sealed record OutgoingMessage(string Key, IReadOnlyList<string> To, string? Subject, string Body, string Language, string SenderName, string? ReplyTo);

/// <summary>What a channel made of a message, kept with it and downloadable (a letter to print).</summary>
public sealed record SentDocument(string FileName, byte[] Content);

/// <summary>A channel could not send: <see cref="Permanent"/> when trying again cannot work (a 5xx, an address refused).</summary>
public sealed class MessageSendException(string reason, bool permanent, Exception? inner = null, bool undelivered = false) : Exception(reason, inner)
{
    public bool Permanent { get; } = permanent;

    /// <summary>Nothing can have reached the recipient (the connection was refused): trying again at once cannot send twice.</summary>
    public bool Undelivered { get; } = undelivered;
}
