using Dso.Domain.Common;

namespace Dso.Domain.Clients;

/// <summary>A customer of the organization, known by its code in the source system.</summary>
public sealed class Client : ITenantOwned
{
    private readonly List<Contact> contacts = [];

    private Client()
    {
    }

    public Client(long organizationId, string code, DateTimeOffset createdAt)
    {
        OrganizationId = organizationId;
        Code = code;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>SIREN or another company number.</summary>
    public string? LegalId { get; private set; }

    public string? VatNumber { get; private set; }

    public string Currency { get; private set; } = "EUR";

    public string Language { get; private set; } = "fr";

    public decimal? CreditLimit { get; private set; }

    /// <summary>When the credit limit is to be reviewed (CREDIT_REVIEW_DUE from that day); given with the limit, as the limit is.</summary>
    public DateOnly? CreditLimitReviewDate { get; private set; }

    /// <summary>Where letters go; null until a source gives one.</summary>
    public PostalAddress? Address { get; private set; }

    public long? ScenarioId { get; private set; }

    /// <summary>The latest risk score; null until first computed (loaded only when asked for).</summary>
    public Risk.ClientRisk? Risk { get; private set; }

    public IReadOnlyList<Contact> Contacts => contacts;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Applies the values of an upsert; returns false (and touches nothing) when they are the same.</summary>
    public bool Apply(ClientValues values, DateTimeOffset now)
    {
        if (!Differs(values))
        {
            return false;
        }

        var contactsChanged = values.Contacts is { } given && !SameContacts(given);

        (Name, LegalId, VatNumber, Currency, Language, CreditLimit) =
            (values.Name, values.LegalId, values.VatNumber, values.Currency, values.Language, values.CreditLimit);
        Address = values.Address ?? Address;
        CreditLimitReviewDate = values.CreditLimitReviewDate;
        if (contactsChanged)
        {
            contacts.Clear();
            contacts.AddRange(values.Contacts!.Select(c => new Contact(c)));
        }

        UpdatedAt = now;
        return true;
    }

    /// <summary>True when applying these values would change the client (contacts must be loaded).</summary>
    public bool Differs(ClientValues values) =>
        (values.Contacts is { } given && !SameContacts(given)) || Name != values.Name || LegalId != values.LegalId || VatNumber != values.VatNumber ||
        Currency != values.Currency || Language != values.Language || CreditLimit != values.CreditLimit ||
        (values.Address is not null && values.Address != Address) || CreditLimitReviewDate != values.CreditLimitReviewDate;

    public void AssignScenario(long? scenarioId) => ScenarioId = scenarioId;

    /// <summary>Dunning is paused: no scenario action is planned for the client.</summary>
    public bool Paused { get; private set; }

    /// <summary>The last day of the pause; null while <see cref="Paused"/>: until resumed.</summary>
    public DateOnly? PausedUntil { get; private set; }

    /// <summary>Whether the client's dunning is paused on a date.</summary>
    public bool IsPausedOn(DateOnly date) => Paused && (PausedUntil is null || PausedUntil >= date);

    public void Pause(DateOnly? until) => (Paused, PausedUntil) = (true, until);

    public void Resume() => (Paused, PausedUntil) = (false, null);

    private bool SameContacts(IReadOnlyList<ContactValues> given) =>
        given.Count == contacts.Count && given.Zip(contacts).All(pair => pair.First == pair.Second.Values);
}
