using Dso.Domain.Common;

namespace Dso.Api.Portal;

/// <summary>The customer page's words in French (the client's language is French) or English (any other).</summary>
internal sealed class Words(string language)
{
    private static readonly Dictionary<string, (string Fr, string En)> All = new(StringComparer.Ordinal)
    {
        ["Statement"] = ("Relevé de compte", "Statement of account"),
        ["HelpTitle"] = ("Votre aide sur un litige", "Your help with a dispute"),
        ["Account"] = ("Compte", "Account"),
        ["Open"] = ("Pièces ouvertes au", "Open items on"),
        ["Number"] = ("Pièce", "Item"),
        ["IssueDate"] = ("Date", "Date"),
        ["DueDate"] = ("Échéance", "Due date"),
        ["Amount"] = ("Montant", "Amount"),
        ["OpenAmount"] = ("Reste dû", "Open amount"),
        ["Status"] = ("État", "State"),
        ["Overdue"] = ("Échue", "Overdue"),
        ["NotDue"] = ("À échoir", "Not yet due"),
        ["Pdf"] = ("Télécharger le relevé (PDF)", "Download the statement (PDF)"),
        ["Nothing"] = ("Aucune pièce n'est ouverte sur ce compte. Merci.", "Nothing is open on this account. Thank you."),
        ["Promise"] = ("Je m'engage à payer", "I promise to pay"),
        ["PromiseDate"] = ("Date du paiement", "Payment date"),
        ["PromiseAmount"] = ("Montant (facultatif)", "Amount (optional)"),
        ["Dispute"] = ("Je conteste", "I dispute"),
        ["Reason"] = ("Motif", "Reason"),
        ["Comment"] = ("Commentaire (facultatif)", "Comment (optional)"),
        ["Copy"] = ("Je souhaite une copie des factures", "I would like a copy of the invoices"),
        ["Answer"] = ("Votre réponse", "Your answer"),
        ["Choose"] = ("Pièces concernées", "Items concerned"),
        ["Send"] = ("Envoyer", "Send"),
        ["Errors"] = ("Le formulaire n'a pas été envoyé", "The form was not sent"),
        ["Thanks"] = ("Merci", "Thank you"),
        ["Back"] = ("Revenir au relevé", "Back to the statement"),
        ["Already"] = ("Cette réponse a déjà été enregistrée.", "This answer was already recorded."),
        ["Promised"] = ("Votre promesse de paiement au {0} est enregistrée pour : {1}. Votre interlocuteur en est informé.", "Your promise to pay on {0} is recorded for: {1}. Your contact has been told."),
        ["Disputed"] = ("Votre contestation est enregistrée pour : {0}. Votre interlocuteur reviendra vers vous.", "Your dispute is recorded for: {0}. Your contact will come back to you."),
        ["Copied"] = ("Votre demande de copie est enregistrée pour : {0}.", "Your request for a copy is recorded for: {0}."),
        ["Helped"] = ("Votre réponse est enregistrée sur : {0}.", "Your answer is recorded on: {0}."),
        ["pieceIds"] = ("Choisissez au moins une pièce ouverte de ce compte (rechargez la page si besoin).", ""),
        ["promiseDate"] = ("Indiquez une date de paiement à venir.", ""),
        ["amount"] = ("Le montant est un nombre positif, par exemple 1250,50.", ""),
        ["reason"] = ("Indiquez le motif de la contestation.", ""),
        ["comment"] = ("Écrivez votre réponse (1000 caractères au plus).", ""),
        ["action"] = ("Ce formulaire ne peut pas être envoyé depuis cette page ; répondez au message reçu.", ""),
    };

    private readonly bool french = language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);

    public string Language => french ? "fr" : "en";

    public string this[string key] => french ? All[key].Fr : All[key].En;

    /// <summary>An error in the page's language: in French, the field's own sentence; in English, the rule's message.</summary>
    public string Error(UserError error) =>
        french && error.Field.Count > 0 && All.TryGetValue(error.Field[0], out var words) && words.Fr.Length > 0 ? words.Fr : error.Message;
}
