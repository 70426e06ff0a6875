namespace Dso.Domain.Clients;

/// <summary>The validated, normalised values of a client; <see cref="Contacts"/> or <see cref="Address"/> null leaves them as they are.</summary>
public sealed record ClientValues(
    string Code,
    string Name,
    string? LegalId,
    string? VatNumber,
    string Currency,
    string Language,
    decimal? CreditLimit,
    IReadOnlyList<ContactValues>? Contacts,
    PostalAddress? Address = null,
    DateOnly? CreditLimitReviewDate = null)
{
    /// <summary>The same values, contacts compared one by one (a record compares its list by reference).</summary>
    public bool SameAs(ClientValues other) =>
        this with { Contacts = null } == other with { Contacts = null } && (Contacts ?? []).SequenceEqual(other.Contacts ?? []);
}
