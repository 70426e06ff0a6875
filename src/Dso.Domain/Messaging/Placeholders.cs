namespace Dso.Domain.Messaging;

/// <summary>A value a template can insert, by its path; inside <c>{{#each pieces}}</c> a piece's values have no prefix.</summary>
public sealed record Placeholder(string Path, string Description, bool InEachPiece = false);

/// <summary>What a template may name: the organization, the client, the contact, each piece and the totals.</summary>
public static class Placeholders
{
    /// <summary>The one list a template can loop over.</summary>
    public const string PieceList = "pieces";

    /// <summary>The customer page's link, which every message to a customer carries (added at its end when its template lacks it).</summary>
    public const string PortalUrl = "portalUrl";

    public static IReadOnlyList<Placeholder> All { get; } =
    [
        new("organization.name", "The organization's name."),
        new("client.code", "The client's code."),
        new("client.name", "The client's name."),
        new("client.legalId", "The client's company number (SIREN), or empty."),
        new("client.vatNumber", "The client's VAT number, or empty."),
        new("contact.name", "The name of the client's collection contact (else its first contact), or empty."),
        new("contact.email", "That contact's email address, or empty."),
        new("contact.phone", "That contact's phone number, or empty."),
        new("today", "Today's date, written in the message's language."),
        new(PortalUrl, "The link to the client's own page: its statement, and forms to promise a payment, dispute or ask for a copy."),
        new("totals.count", "How many pieces the message lists."),
        new("totals.openAmount", "What the listed pieces leave to pay, with the currency (one amount per currency)."),
        new("totals.overdueAmount", "The part of it past due."),
        new("number", "The piece's number.", InEachPiece: true),
        new("issueDate", "The piece's issue date.", InEachPiece: true),
        new("dueDate", "The piece's due date.", InEachPiece: true),
        new("amount", "The piece's amount, with its currency.", InEachPiece: true),
        new("openAmount", "What is left to pay on the piece, with its currency.", InEachPiece: true),
        new("daysOverdue", "Days past the due date (0 when not yet due).", InEachPiece: true),
    ];

    internal static ISet<string> RootPaths { get; } = All.Where(p => !p.InEachPiece).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);

    internal static ISet<string> PiecePaths { get; } = All.Where(p => p.InEachPiece).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
}
