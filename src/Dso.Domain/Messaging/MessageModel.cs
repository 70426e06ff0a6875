using Dso.Domain.Clients;
using Dso.Domain.Organizations;
using Dso.Domain.Pieces;

namespace Dso.Domain.Messaging;

/// <summary>The values a template's placeholders (<see cref="Placeholders"/>) read, written in the message's language.</summary>
internal static class MessageModel
{
    public static Dictionary<string, object?> Build(Organization organization, Client client, Contact? contact, IReadOnlyList<Piece> pieces, DateOnly today, string language, string portalUrl)
    {
        var format = new MessageFormat(language);
        var overdue = pieces.Where(p => p.DueDate < today).ToList();
        return new Dictionary<string, object?>
        {
            ["organization"] = new Dictionary<string, object?> { ["name"] = organization.Name },
            ["client"] = new Dictionary<string, object?>
            {
                ["code"] = client.Code, ["name"] = client.Name, ["legalId"] = client.LegalId, ["vatNumber"] = client.VatNumber,
            },
            ["contact"] = new Dictionary<string, object?> { ["name"] = contact?.Name, ["email"] = contact?.Email, ["phone"] = contact?.Phone },
            ["today"] = format.Date(today),
            [Placeholders.PortalUrl] = portalUrl,
            ["totals"] = new Dictionary<string, object?>
            {
                ["count"] = pieces.Count,
                ["openAmount"] = format.Totals(pieces.Select(p => (p.OpenAmount, p.Currency)), client.Currency),
                ["overdueAmount"] = format.Totals(overdue.Select(p => (p.OpenAmount, p.Currency)), client.Currency),
            },
            [Placeholders.PieceList] = pieces.Select(p => new Dictionary<string, object?>
            {
                ["number"] = p.Number,
                ["issueDate"] = format.Date(p.IssueDate),
                ["dueDate"] = format.Date(p.DueDate),
                ["amount"] = format.Money(p.Amount, p.Currency),
                ["openAmount"] = format.Money(p.OpenAmount, p.Currency),
                ["daysOverdue"] = BusinessCalendar.DaysOverdue(p.DueDate, today),
            }).ToList(),
        };
    }
}
