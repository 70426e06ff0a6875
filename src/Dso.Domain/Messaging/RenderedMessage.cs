using Dso.Domain.Scenarios;

namespace Dso.Domain.Messaging;

/// <summary>An action's message as it would be sent: the chosen template and language, the texts, the recipient, and what fell back.</summary>
public sealed record RenderedMessage(
    Template Template,
    Channel Channel,
    string Language,
    string? Subject,
    string Body,
    string? To,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Whom it is about, as read to render it.</summary>
    public Clients.Client? Client { get; init; }

    public Clients.Contact? Contact { get; init; }

    /// <summary>The pieces it lists.</summary>
    public IReadOnlyList<Pieces.Piece> Pieces { get; init; } = [];
}
