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
    /// <summary>Sends the message; a failure is a <see cref="MessageSendException"/> saying whether trying again may work.</summary>
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>A message as its channel sends it: the outbox row's texts, who it is from and where replies go.</summary>
public sealed record OutgoingMessage(string Key, IReadOnlyList<string> To, string? Subject, string Body, string Language, string SenderName, string? ReplyTo);

/// <summary>A channel could not send: <see cref="Permanent"/> when trying again cannot work (a 5xx, an address refused).</summary>
public sealed class MessageSendException(string reason, bool permanent, Exception? inner = null) : Exception(reason, inner)
{
    public bool Permanent { get; } = permanent;
}
