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
    DateOnly? CreditLimitReviewDate = null);
