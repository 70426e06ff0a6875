using Dso.Domain.Messaging;
using Dso.Domain.Scenarios;
using Microsoft.Extensions.Options;

namespace Dso.Api.Messaging;

/// <summary>
/// Letters: the message's <see cref="Letter"/> rendered as a PDF and kept with it, ready to print and post; "sent"
/// means printable (its <c>documentUrl</c> downloads it). A letter that cannot be rendered fails permanently.
/// </summary>
public sealed class LetterChannel(IOptions<LetterOptions> options) : IMessageChannel
{
    public Channel Channel => Channel.Letter;

    public Task<IMessageSession> OpenAsync(CancellationToken cancellationToken)
    {
        DejaVuFonts.Install(options.Value.FontDirectory);
        return Task.FromResult<IMessageSession>(new Session());
    }

    private sealed class Session : IMessageSession
    {
        public Task<SentDocument?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            try
            {
                var pdf = LetterPdf.Render(Letter.FromJson(message.Body), message.Subject ?? message.SenderName);
                return Task.FromResult<SentDocument?>(new SentDocument($"letter-{message.Key}.pdf", pdf));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or FileNotFoundException or InvalidOperationException)
            {
                throw new MessageSendException($"The letter could not be rendered: {e.Message}", permanent: !(e is FileNotFoundException), e);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>How letters are printed (section <c>Dso:Letters</c>).</summary>
public sealed class LetterOptions
{
    public const string Section = "Dso:Letters";

    /// <summary>Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are.</summary>
    public string FontDirectory { get; set; } = DejaVuFonts.DefaultDirectory;
}
