namespace Dso.Domain.Clients;

/// <summary>A client as a caller sends it, before validation.</summary>
public sealed record ClientInput(
    string Code,
    string Name,
    string? LegalId = null,
    string? VatNumber = null,
    string? Currency = null,
    string? Language = null,
    decimal? CreditLimit = null,
    IReadOnlyList<ContactInput>? Contacts = null,
    PostalAddressInput? Address = null,
    DateOnly? CreditLimitReviewDate = null);
