using Dso.Domain.Scenarios;

namespace Dso.Domain.Messaging;

/// <summary>
/// The native templates every organization starts with, in French and English, for the standard scenario
/// (<see cref="Scenario"/>): a courtesy reminder five days before the due date, a first reminder five days after it,
/// a second, firmer one after fifteen days, a call after thirty and a formal notice by letter after forty-five, which
/// cites the late-payment penalties of article L441-10 and the 40 EUR fixed indemnity (the letter adds their amounts).
/// Every e-mail carries the customer page's link.
/// </summary>
public static class StandardTemplates
{
    public const string Courtesy = "Rappel avant échéance";
    public const string FirstReminder = "Première relance";
    public const string SecondReminder = "Deuxième relance";
    public const string FormalNotice = "Mise en demeure";

    private const string PortalFr = "<p>Votre relevé, et pour nous répondre en ligne (promesse de paiement, contestation, copie de facture) : <a href=\"{{portalUrl}}\">{{portalUrl}}</a></p>";
    private const string PortalEn = "<p>Your statement, and to answer us online (promise to pay, dispute, copy of an invoice): <a href=\"{{portalUrl}}\">{{portalUrl}}</a></p>";
    private const string SignatureFr = "<p>Cordialement,<br>{{organization.name}}</p>";
    private const string SignatureEn = "<p>Kind regards,<br>{{organization.name}}</p>";

    public static IReadOnlyList<TemplateInput> All { get; } =
    [
        new(Courtesy, Channel.Email,
        [
            new("fr", "{{organization.name}} : échéance prochaine",
                "<p>Bonjour {{contact.name}},</p><p>Pour rappel, les factures suivantes arrivent bientôt à échéance :</p><ul>{{#each pieces}}<li>{{number}} du {{issueDate}}, à régler le {{dueDate}} : {{openAmount}}</li>{{/each}}</ul>" +
                "<p>Total : {{totals.openAmount}}. Si le règlement est déjà parti, merci de ne pas tenir compte de ce message.</p>" + PortalFr + SignatureFr),
            new("en", "{{organization.name}}: payment due soon",
                "<p>Dear {{contact.name}},</p><p>As a reminder, these invoices fall due soon:</p><ul>{{#each pieces}}<li>{{number}} of {{issueDate}}, due {{dueDate}}: {{openAmount}}</li>{{/each}}</ul>" +
                "<p>Total: {{totals.openAmount}}. If the payment is already on its way, please disregard this message.</p>" + PortalEn + SignatureEn),
        ]),
        new(FirstReminder, Channel.Email,
        [
            new("fr", "{{organization.name}} : {{totals.count}} facture(s) à régler",
                "<p>Bonjour {{contact.name}},</p><p>Sauf erreur de notre part, les factures suivantes restent à régler au {{today}} :</p><ul>{{#each pieces}}<li>{{number}} du {{issueDate}}, échue le {{dueDate}} ({{daysOverdue}} jours) : {{openAmount}}</li>{{/each}}</ul>" +
                "<p>Total : {{totals.openAmount}}, dont {{totals.overdueAmount}} échus. Merci de procéder au règlement, ou de nous indiquer la date à laquelle il interviendra.</p>" + PortalFr + SignatureFr),
            new("en", "{{organization.name}}: {{totals.count}} invoice(s) to pay",
                "<p>Dear {{contact.name}},</p><p>According to our records, these invoices are still open on {{today}}:</p><ul>{{#each pieces}}<li>{{number}} of {{issueDate}}, due {{dueDate}} ({{daysOverdue}} days): {{openAmount}}</li>{{/each}}</ul>" +
                "<p>Total: {{totals.openAmount}}, of which {{totals.overdueAmount}} overdue. Please pay them, or tell us when you will.</p>" + PortalEn + SignatureEn),
        ]),
        new(SecondReminder, Channel.Email,
        [
            new("fr", "{{organization.name}} : deuxième relance, {{totals.overdueAmount}} échus",
                "<p>Bonjour {{contact.name}},</p><p>Malgré notre précédent rappel, les factures suivantes restent impayées au {{today}} :</p><ul>{{#each pieces}}<li>{{number}}, échue le {{dueDate}} ({{daysOverdue}} jours) : {{openAmount}}</li>{{/each}}</ul>" +
                "<p>Nous vous remercions de régler {{totals.overdueAmount}} sous huit jours. Tout retard de paiement entraîne de plein droit des pénalités de retard et une indemnité forfaitaire de 40 € pour frais de recouvrement par facture (article L441-10 du Code de commerce).</p>" + PortalFr + SignatureFr),
            new("en", "{{organization.name}}: second reminder, {{totals.overdueAmount}} overdue",
                "<p>Dear {{contact.name}},</p><p>Despite our previous reminder, these invoices are still unpaid on {{today}}:</p><ul>{{#each pieces}}<li>{{number}}, due {{dueDate}} ({{daysOverdue}} days): {{openAmount}}</li>{{/each}}</ul>" +
                "<p>Please pay {{totals.overdueAmount}} within eight days. Late payment bears penalties by law and a fixed indemnity of EUR 40 for recovery costs per invoice (article L441-10 of the French commercial code).</p>" + PortalEn + SignatureEn),
        ]),
        new(FormalNotice, Channel.Letter,
        [
            new("fr", "Mise en demeure de payer",
                "Madame, Monsieur,\n\nMalgré nos relances, les factures détaillées ci-dessous restent impayées au {{today}}, pour un total de {{totals.openAmount}}.\n\n" +
                "Par la présente, nous vous mettons en demeure de régler cette somme sous huit jours à compter de sa réception. À défaut, nous engagerons sans autre avis les démarches de recouvrement.\n\n" +
                "Conformément à l'article L441-10 du Code de commerce, ces retards entraînent de plein droit des pénalités de retard et une indemnité forfaitaire de 40 € pour frais de recouvrement par facture, détaillées ci-dessous.\n\n" +
                "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.\n\n{{organization.name}}"),
            new("en", "Formal notice to pay",
                "Dear Sir or Madam,\n\nDespite our reminders, the invoices below are still unpaid on {{today}}, for a total of {{totals.openAmount}}.\n\n" +
                "We hereby give you formal notice to pay this sum within eight days of receiving this letter. Failing that, we will start recovery proceedings without further notice.\n\n" +
                "Under article L441-10 of the French commercial code, late payment bears penalties by law and a fixed indemnity of EUR 40 for recovery costs per invoice, detailed below.\n\n" +
                "Yours faithfully,\n\n{{organization.name}}"),
        ]),
    ];

    /// <summary>The standard scenario over these templates (their IDs by name); the formal notice only above 500 of open amount.</summary>
    public static ScenarioInput Scenario(IReadOnlyDictionary<string, long> templates) => new("Relance standard", true,
    [
        new ScenarioStepValues(-5, Channel.Email, templates[Courtesy], null, true),
        new ScenarioStepValues(5, Channel.Email, templates[FirstReminder], null, true),
        new ScenarioStepValues(15, Channel.Email, templates[SecondReminder], null, true),
        new ScenarioStepValues(30, Channel.Call, null, null, false),
        new ScenarioStepValues(45, Channel.Letter, templates[FormalNotice], 500m, true),
    ]);
}
