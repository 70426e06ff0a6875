using Dso.Domain.Common;

namespace Dso.Domain.Clients;

/// <summary>Checks and normalises a client as sent by any source.</summary>
public static class ClientValidation
{
    public static ClientValues? Validate(ClientInput input, FieldPath path, string defaultCurrency, List<UserError> errors)
    {
        var before = errors.Count;
        var code = input.Code?.Trim() ?? "";
        if (code.Length is 0 or > 64)
        {
            errors.Add(path.Invalid("code", "code must have 1 to 64 characters."));
        }

        FormulaText.Check(input.Code, path, "code", errors);
        var name = input.Name?.Trim() ?? "";
        FormulaText.Check(input.Name, path, "name", errors);
        if (name.Length is 0 or > 200)
        {
            errors.Add(path.Invalid("name", "name must have 1 to 200 characters."));
        }

        string? legalId = null;
        if (!string.IsNullOrWhiteSpace(input.LegalId))
        {
            legalId = CompanyIdentifiers.NormalizeLegalId(input.LegalId, out var problem);
            if (problem is not null)
            {
                errors.Add(path.Invalid("legalId", $"legalId '{input.LegalId}' {problem}."));
            }
        }

        string? vat = null;
        if (!string.IsNullOrWhiteSpace(input.VatNumber))
        {
            vat = CompanyIdentifiers.NormalizeVatNumber(input.VatNumber, out var problem);
            if (problem is not null)
            {
                errors.Add(path.Invalid("vatNumber", $"vatNumber '{input.VatNumber}' {problem}."));
            }
        }

        var currency = input.Currency is null ? defaultCurrency : Currency.Normalize(input.Currency);
        if (currency is null)
        {
            errors.Add(path.Invalid("currency", $"'{input.Currency}' is not an ISO 4217 currency code."));
        }

        var language = input.Language is null ? "fr" : Languages.Normalize(input.Language);
        if (language is null)
        {
            errors.Add(path.Invalid("language", $"'{input.Language}' is not a language code such as 'fr' or 'en-GB'."));
        }

        if (input.CreditLimit is < 0 || (input.CreditLimit is { } limit && currency is not null && !Currency.FitsMinorUnits(limit, currency)))
        {
            errors.Add(path.Invalid("creditLimit", "creditLimit must be a positive amount in the client's currency."));
        }

        var contacts = input.Contacts?.Select((c, i) => ValidateContact(c, path, i, language ?? "fr", errors)).ToList();
        var address = input.Address is null ? null : PostalAddress.Validate(input.Address, path, "address", errors);
        return errors.Count > before
            ? null
            : new ClientValues(code, name, legalId, vat, currency!, language!, input.CreditLimit, contacts, address, input.CreditLimitReviewDate);
    }

    private static ContactValues ValidateContact(ContactInput input, FieldPath path, int index, string clientLanguage, List<UserError> errors)
    {
        var email = input.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && !EmailAddresses.IsValid(email))
        {
            errors.Add(path.Invalid($"contacts.{index}.email", $"'{email}' is not an email address."));
        }

        var language = input.Language is null ? clientLanguage : Languages.Normalize(input.Language);
        if (language is null)
        {
            errors.Add(path.Invalid($"contacts.{index}.language", $"'{input.Language}' is not a language code."));
        }

        return new ContactValues(Blank(input.Name), Blank(email), Blank(input.Phone), language ?? clientLanguage, input.IsCollectionContact ?? false);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
