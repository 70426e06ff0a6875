using System.Text.Json;
using Dso.Domain.Clients;
using Dso.Domain.Organizations;
using Dso.Domain.Penalties;
using Dso.Domain.Pieces;

namespace Dso.Domain.Messaging;

/// <summary>
/// A letter as it is printed, every text already written in its language: the letterhead, the client's address
/// block, the place and date, the subject and the template's text, the statement of the pieces it is about, and
/// (domain rule: every letter Dso sends is a formal notice) the late-payment penalties of article L441-10 of the
/// French commercial code with its 40 EUR fixed indemnity per late invoice, when the organization applies them (when
/// a half-year's rate is not entered yet, the rule and the indemnity without the interest's amount).
/// A LETTER message keeps it as its body; the host's letter channel turns it into a PDF.
/// </summary>
public sealed record Letter(
    string Language,
    IReadOnlyList<string> Letterhead,
    IReadOnlyList<string> Recipient,
    string Date,
    string? Subject,
    IReadOnlyList<string> Paragraphs,
    string StatementTitle,
    IReadOnlyList<string> StatementHeader,
    IReadOnlyList<IReadOnlyList<string>> Statement,
    string Total,
    IReadOnlyList<string> Penalties,
    string Reference)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Letter FromJson(string json) => JsonSerializer.Deserialize<Letter>(json, Json) ?? throw new JsonException("Not a letter.");

    /// <summary>The statement a customer downloads from their page: the open pieces, without a letter's text.</summary>
    public static Letter ForStatement(Portal.PortalView view)
    {
        var french = IsFrench(view.Language);
        var today = new MessageFormat(view.Language).Date(view.Today);
        return Build(view.Language, view.OrganizationName, [view.ClientName], view.Today, french ? $"Relevé de compte au {today}" : $"Statement of account on {today}", [], "",
            [.. view.Pieces.Select(p => (p.Number, p.IssueDate, p.DueDate, p.Amount, p.OpenAmount, p.Currency))], view.Pieces.Count > 0 ? view.Pieces[0].Currency : "EUR", [], view.ClientCode);
    }

    internal static Letter Compose(Organization organization, Client client, IReadOnlyList<Piece> pieces, LatePenalties? penalties, string? subject, string body, DateOnly today, string language) =>
        Build(language, organization.Name, client.Address!.Lines(client.Name), today, subject,
            [.. body.Replace("\r", "", StringComparison.Ordinal).Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0)],
            IsFrench(language) ? "Détail des sommes dues" : "Amounts due",
            [.. pieces.Select(p => (p.Number, p.IssueDate, p.DueDate, p.Amount, p.OpenAmount, p.Currency))], client.Currency,
            organization.Settings.LatePenaltyEnabled ? PenaltyLines(pieces, penalties, today, language) : [], client.Code);

    private static Letter Build(string language, string organization, IReadOnlyList<string> recipient, DateOnly today, string? subject, IReadOnlyList<string> paragraphs, string statementTitle,
        IReadOnlyList<(string Number, DateOnly IssueDate, DateOnly DueDate, decimal Amount, decimal OpenAmount, string Currency)> rows, string currencyOfNone, IReadOnlyList<string> penalties, string clientCode)
    {
        var format = new MessageFormat(language);
        var french = IsFrench(language);
        var total = format.Totals(rows.Select(p => (p.OpenAmount, p.Currency)), currencyOfNone);
        return new Letter(
            language,
            [organization],
            recipient,
            french ? $"Le {format.Date(today)}" : format.Date(today),
            subject,
            paragraphs,
            statementTitle,
            french ? ["Pièce", "Date", "Échéance", "Montant", "Reste dû"] : ["Piece", "Date", "Due date", "Amount", "Open amount"],
            [.. rows.Select(p => (IReadOnlyList<string>)[p.Number, format.Date(p.IssueDate), format.Date(p.DueDate), format.Money(p.Amount, p.Currency), format.Money(p.OpenAmount, p.Currency)])],
            french ? $"Total restant dû : {total}" : $"Total open: {total}",
            penalties,
            french ? $"Réf. client {clientCode}" : $"Client ref. {clientCode}");
    }

    // The L441-10 lines of the late pieces: their interest and indemnity, or (the half-year's rate not entered yet) the rule and the indemnity, never a made-up amount.
    private static List<string> PenaltyLines(IReadOnlyList<Piece> pieces, LatePenalties? penalties, DateOnly today, string language)
    {
        var format = new MessageFormat(language);
        var french = IsFrench(language);
        var lines = new List<string>();
        if (penalties is null)
        {
            var late = pieces.Where(p => p.DueDate < today).ToList();
            if (late.Count > 0)
            {
                lines.Add(french
                    ? "Conformément à l'article L441-10 du Code de commerce, les sommes impayées à l'échéance portent de plein droit des pénalités de retard au taux de la BCE majoré de 10 points, et chaque facture payée en retard une indemnité forfaitaire de 40 € pour frais de recouvrement :"
                    : "Under article L441-10 of the French commercial code, sums unpaid when due bear late-payment penalties by law at the ECB rate plus 10 points, and each invoice paid late a fixed indemnity of EUR 40 for recovery costs:");
            }

            lines.AddRange(late.Select(p => (p.Number, Days: BusinessCalendar.DaysOverdue(p.DueDate, today))).Select(p => french
                ? $"{p.Number} : {p.Days} jours de retard, indemnité forfaitaire {format.Money(40m, "EUR")}"
                : $"{p.Number}: {p.Days} days late, fixed indemnity {format.Money(40m, "EUR")}"));
            return lines;
        }

        var claimed = penalties.Lines.Where(l => pieces.Any(p => p.Id == l.Piece.Id)).ToList();
        if (claimed.Count > 0)
        {
            lines.Add(french
                ? "Conformément à l'article L441-10 du Code de commerce, les sommes impayées à l'échéance portent de plein droit des pénalités de retard, et chaque facture payée en retard une indemnité forfaitaire de 40 € pour frais de recouvrement :"
                : "Under article L441-10 of the French commercial code, sums unpaid when due bear late-payment penalties by law, and each invoice paid late a fixed indemnity of EUR 40 for recovery costs:");
        }

        lines.AddRange(claimed.Select(c => french
            ? $"{c.Piece.Number} : {c.Line.DaysLate} jours de retard, pénalités {format.Money(c.Line.Interest, c.Piece.Currency)}, indemnité forfaitaire {format.Money(c.Line.Indemnity, c.Piece.Currency)}"
            : $"{c.Piece.Number}: {c.Line.DaysLate} days late, penalties {format.Money(c.Line.Interest, c.Piece.Currency)}, fixed indemnity {format.Money(c.Line.Indemnity, c.Piece.Currency)}"));
        return lines;
    }

    private static bool IsFrench(string language) => language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
}
