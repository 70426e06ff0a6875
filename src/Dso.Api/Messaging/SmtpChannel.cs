using System.Net.Sockets;
using Dso.Domain.Messaging;
using Dso.Domain.Scenarios;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dso.Api.Messaging;

/// <summary>
/// E-mails over SMTP with MailKit: one connection per dispatch; each message with an HTML and a text part, the
/// organization's sender name on the configured From address, Reply-To when there is one, <c>Auto-Submitted:
/// auto-generated</c>, and a stable <c>Message-ID</c> (the outbox row's key at the From domain). A 5xx answer is
/// permanent (the address refused); a 4xx, a refused connection or a dropped one are worth another attempt (the
/// connection at once, <see cref="Retries"/>). Customer e-mails and internal ones go through it alike.
/// </summary>
public sealed class SmtpChannel(IOptions<SmtpOptions> options, TimeProvider clock, Channel channel) : IMessageChannel
{
    public Channel Channel => channel;

    public async Task<IMessageSession> OpenAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new MessageSendException("No SMTP server is configured (Dso__Smtp__Host): e-mails wait in the outbox.", permanent: false);
        }

        return await Retries.Transient.ExecuteAsync(async token =>
        {
            var client = new SmtpClient { Timeout = 30_000 };
            try
            {
                await Classified(async () =>
                {
                    await client.ConnectAsync(smtp.Host, smtp.Port, Socket(smtp.Security), token);
                    if (!string.IsNullOrEmpty(smtp.Username))
                    {
                        await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", token);
                    }
                }, connecting: true);
                return (IMessageSession)new Session(client, smtp.From, clock);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }, cancellationToken);
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static async Task Classified(Func<Task> send, bool connecting = false)
    {
        try
        {
            await send();
        }
        catch (SmtpCommandException e)
        {
            throw new MessageSendException($"The SMTP server answered {(int)e.StatusCode}: {e.Message}", permanent: (int)e.StatusCode >= 500, e);
        }
        catch (AuthenticationException e)
        {
            throw new MessageSendException($"The SMTP server refused the credentials: {e.Message}", permanent: false, e);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException)
        {
            throw new MessageSendException($"The SMTP server could not be reached or dropped the connection: {e.Message}", permanent: false, e, undelivered: connecting);
        }
    }

    private sealed class Session(SmtpClient client, string from, TimeProvider clock) : IMessageSession
    {
        public async Task<SentDocument?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            var mime = new MimeMessage { Subject = message.Subject ?? "", Date = clock.GetUtcNow() };
            mime.From.Add(new MailboxAddress(message.SenderName, from));
            foreach (var to in message.To)
            {
                mime.To.Add(MailboxAddress.Parse(to));
            }

            if (message.ReplyTo is { Length: > 0 } replyTo)
            {
                mime.ReplyTo.Add(MailboxAddress.Parse(replyTo));
            }

            mime.MessageId = $"{message.Key}@{from[(from.IndexOf('@', StringComparison.Ordinal) + 1)..]}";
            mime.Headers.Add("Auto-Submitted", "auto-generated");
            mime.Body = new BodyBuilder { HtmlBody = message.Body, TextBody = PlainText.FromHtml(message.Body) }.ToMessageBody();
            mime.Body.Headers.Replace(HeaderId.ContentLanguage, message.Language);
            await Classified(() => client.SendAsync(mime, cancellationToken));
            return null;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(quit: true, stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or SmtpProtocolException)
            {
                // The messages are sent or not by now; a failed goodbye changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
