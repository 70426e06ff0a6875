using System.Globalization;
using System.Text;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Common;
using Dso.Domain.Messaging;
using Dso.Domain.Portal;

namespace Dso.Api.Portal;

/// <summary>
/// The customer page's HTML, in French or English: server-rendered, no script, one heading per part, a statement
/// table with its caption and column headers, and plain forms with labelled fields (the contract's names:
/// <c>pieceIds</c>, <c>promiseDate</c>, <c>amount</c>, <c>reason</c>, <c>comment</c>) posting to the page itself.
/// </summary>
public static class PortalPage
{
    /// <summary>The hidden fields every form carries: the anti-forgery token and the form's submission key.</summary>
    public sealed record FormFields(string AntiforgeryName, string AntiforgeryValue);

    public static string Page(PortalView view, string path, FormFields fields, IReadOnlyList<UserError>? errors = null)
    {
        var t = new Words(view.Language);
        var format = new MessageFormat(view.Language);
        var html = new StringBuilder();
        Open(html, t, $"{t["Statement"]}: {view.OrganizationName}");
        html.Append("<header><p class=\"org\">").Append(E(view.OrganizationName)).Append("</p>");
        html.Append("<h1>").Append(E(view.Link.Purpose == PortalPurpose.Colleague ? t["HelpTitle"] : t["Statement"])).Append("</h1>");
        html.Append("<p>").Append(E(t["Account"])).Append(' ').Append(E(view.ClientName)).Append(" (").Append(E(view.ClientCode)).Append(")</p></header><main>");
        if (errors is { Count: > 0 })
        {
            html.Append("<div role=\"alert\" class=\"errors\"><h2>").Append(E(t["Errors"])).Append("</h2><ul>");
            foreach (var error in errors)
            {
                html.Append("<li>").Append(E(t.Error(error))).Append("</li>");
            }

            html.Append("</ul></div>");
        }

        html.Append("<table><caption>").Append(E(t["Open"])).Append(' ').Append(E(format.Date(view.Today))).Append("</caption><thead><tr>");
        foreach (var column in new[] { "Number", "IssueDate", "DueDate", "Amount", "OpenAmount", "Status" })
        {
            html.Append("<th scope=\"col\">").Append(E(t[column])).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var piece in view.Pieces)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(piece.Number)).Append("</th><td>").Append(E(format.Date(piece.IssueDate)))
                .Append("</td><td>").Append(E(format.Date(piece.DueDate))).Append("</td><td class=\"n\">").Append(E(format.Money(piece.Amount, piece.Currency)))
                .Append("</td><td class=\"n\">").Append(E(format.Money(piece.OpenAmount, piece.Currency))).Append("</td><td>")
                .Append(E(piece.DueDate < view.Today ? t["Overdue"] : t["NotDue"])).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append("<p><a href=\"").Append(E(path)).Append("/statement.pdf\">").Append(E(t["Pdf"])).Append("</a></p>");
        if (view.Pieces.Count == 0)
        {
            html.Append("<p>").Append(E(t["Nothing"])).Append("</p>");
        }
        else if (view.Link.Purpose == PortalPurpose.Colleague)
        {
            Form(html, t, view, path, fields, "help", t["HelpTitle"], "<p><label for=\"help-comment\">" + E(t["Answer"]) + "</label><br><textarea id=\"help-comment\" name=\"comment\" rows=\"5\" cols=\"60\" maxlength=\"1000\" required></textarea></p>");
        }
        else
        {
            Form(html, t, view, path, fields, "promise", t["Promise"],
                $"<p><label for=\"promise-date\">{E(t["PromiseDate"])}</label><br><input type=\"date\" id=\"promise-date\" name=\"promiseDate\" min=\"{view.Today:yyyy-MM-dd}\" required></p>" +
                $"<p><label for=\"promise-amount\">{E(t["PromiseAmount"])}</label><br><input type=\"text\" id=\"promise-amount\" name=\"amount\" inputmode=\"decimal\"></p>");
            Form(html, t, view, path, fields, "dispute", t["Dispute"],
                $"<p><label for=\"dispute-reason\">{E(t["Reason"])}</label><br><input type=\"text\" id=\"dispute-reason\" name=\"reason\" maxlength=\"200\" required></p>" +
                $"<p><label for=\"dispute-comment\">{E(t["Comment"])}</label><br><textarea id=\"dispute-comment\" name=\"comment\" rows=\"4\" cols=\"60\" maxlength=\"1000\"></textarea></p>");
            Form(html, t, view, path, fields, "copy", t["Copy"], "");
        }

        return Close(html);
    }

    public static string Confirmation(string language, PortalReceipt receipt, string path)
    {
        var t = new Words(language);
        var format = new MessageFormat(language);
        var numbers = string.Join(", ", receipt.Numbers);
        var text = receipt.AlreadyRecorded ? t["Already"] : receipt.Kind switch
        {
            PortalAnswerKind.Promise => string.Format(CultureInfo.InvariantCulture, t["Promised"], format.Date(receipt.PromiseDate!.Value), numbers),
            PortalAnswerKind.Dispute => string.Format(CultureInfo.InvariantCulture, t["Disputed"], numbers),
            PortalAnswerKind.Copy => string.Format(CultureInfo.InvariantCulture, t["Copied"], numbers),
            _ => string.Format(CultureInfo.InvariantCulture, t["Helped"], numbers),
        };
        var html = new StringBuilder();
        Open(html, t, t["Thanks"]);
        html.Append("<main><h1>").Append(E(t["Thanks"])).Append("</h1><p role=\"status\">").Append(E(text)).Append("</p>");
        html.Append("<p><a href=\"").Append(E(path)).Append("\">").Append(E(t["Back"])).Append("</a></p>");
        return Close(html);
    }

    /// <summary>An expired, revoked or unknown link (410 or 404), in both languages: nothing says whose it was.</summary>
    public static string Gone(bool expired)
    {
        var html = new StringBuilder();
        Open(html, new Words("fr"), expired ? "Lien expiré / Link expired" : "Lien inconnu / Unknown link");
        html.Append("<main><h1>").Append(expired ? "Ce lien a expiré" : "Ce lien n'existe pas").Append("</h1><p>")
            .Append(expired ? "Ce lien n'est plus valable. Pour obtenir votre relevé, répondez au message que vous avez reçu." : "Vérifiez l'adresse du lien reçu dans votre message.")
            .Append("</p><h1 lang=\"en\">").Append(expired ? "This link has expired" : "This link does not exist").Append("</h1><p lang=\"en\">")
            .Append(expired ? "This link no longer works. To get your statement, reply to the message you received." : "Check the address of the link in your message.").Append("</p>");
        return Close(html);
    }

    private static void Form(StringBuilder html, Words t, PortalView view, string path, FormFields fields, string action, string title, string more)
    {
        var format = new MessageFormat(view.Language);
        html.Append("<section aria-labelledby=\"").Append(action).Append("-title\"><h2 id=\"").Append(action).Append("-title\">").Append(E(title)).Append("</h2>");
        html.Append("<form method=\"post\" action=\"").Append(E(path)).Append("\" data-action=\"").Append(action).Append("\">");
        html.Append("<input type=\"hidden\" name=\"action\" value=\"").Append(action).Append("\">");
        html.Append("<input type=\"hidden\" name=\"submission\" value=\"").Append(Guid.NewGuid().ToString("N")).Append("\">");
        html.Append("<input type=\"hidden\" name=\"").Append(E(fields.AntiforgeryName)).Append("\" value=\"").Append(E(fields.AntiforgeryValue)).Append("\">");
        html.Append("<fieldset><legend>").Append(E(t["Choose"])).Append("</legend>");
        foreach (var piece in view.Pieces)
        {
            var id = $"{action}-{piece.Id}";
            html.Append("<p><input type=\"checkbox\" name=\"pieceIds\" id=\"").Append(id).Append("\" value=\"").Append(E(GlobalId.Encode("Piece", piece.Id))).Append('"')
                .Append(view.Link.Purpose == PortalPurpose.Colleague ? " checked" : "").Append("> <label for=\"").Append(id).Append("\">")
                .Append(E($"{piece.Number}, {format.Money(piece.OpenAmount, piece.Currency)}")).Append("</label></p>");
        }

        html.Append("</fieldset>").Append(more).Append("<p><button type=\"submit\">").Append(E(t["Send"])).Append("</button></p></form></section>");
    }

    private static void Open(StringBuilder html, Words t, string title) =>
        html.Append("<!DOCTYPE html><html lang=\"").Append(t.Language).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>").Append(E(title)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}.n{text-align:right}")
            .Append("section{border:1px solid #bbb;border-radius:.4rem;padding:0 1rem;margin:1rem 0}.errors{border:2px solid #b00020;padding:0 1rem}")
            .Append("button{font-size:1rem;padding:.4rem 1rem}fieldset{border:0;padding:0}")
            .Append("</style></head><body>");

    private static string Close(StringBuilder html) => html.Append("</main></body></html>").ToString();

    // Markup characters escaped; accented letters and the euro sign stay as they are (the page is UTF-8).
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);
}
