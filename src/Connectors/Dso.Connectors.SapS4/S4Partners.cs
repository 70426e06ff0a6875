using System.Text.Json;
using Dso.Connectors.Abstractions;
using Dso.Connectors.Shared;

namespace Dso.Connectors.SapS4;

/// <summary>
/// Customers from <c>API_BUSINESS_PARTNER</c>: the business partners with a customer number, their tax numbers,
/// addresses with e-mails, and customer data with sales areas expanded. The client's code is the <c>Customer</c>
/// number (the one the open items carry); the name the full name; the legal id and the VAT number whichever tax
/// numbers (or the customer's <c>VATRegistration</c>) hold them; the e-mail the default one of the addresses; the
/// currency the first sales area's. The credit limit lives in SAP Credit Management, not in this API: none is read.
/// </summary>
internal static class S4Partners
{
    public const string Expand = "to_BusinessPartnerTax,to_BusinessPartnerAddress/to_EmailAddress,to_Customer/to_CustomerSalesArea";

    public static ConnectorBatch Batch(JsonElement records)
    {
        var (clients, rejected) = (new List<ClientRecord>(), new List<RejectedRecord>());
        foreach (var record in records.EnumerateArray())
        {
            try
            {
                clients.Add(Client(record));
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedRecord($"A_BusinessPartner('{ErpValues.Text(record, "BusinessPartner")}')", e.Message));
            }
        }

        return new ConnectorBatch(clients, [], null) { Rejected = rejected };
    }

    private static ClientRecord Client(JsonElement record)
    {
        var code = ErpValues.RequiredText(record, "Customer");
        var customer = record.TryGetProperty("to_Customer", out var expanded) && expanded.ValueKind == JsonValueKind.Object && !expanded.TryGetProperty("__deferred", out _) ? expanded : default;
        var taxes = Results(record, "to_BusinessPartnerTax").SelectMany(t => new[] { ErpValues.Text(t, "BPTaxNumber"), ErpValues.Text(t, "BPTaxLongNumber") });
        var (legalId, vat) = ErpValues.Identifiers(customer.ValueKind == JsonValueKind.Object ? taxes.Append(ErpValues.Text(customer, "VATRegistration")) : taxes);
        var addresses = Results(record, "to_BusinessPartnerAddress");
        var emails = addresses.SelectMany(a => Results(a, "to_EmailAddress")).ToList();
        var email = emails.FirstOrDefault(e => e.TryGetProperty("IsDefaultEmailAddress", out var d) && d.ValueKind == JsonValueKind.True);
        var organization = string.Join(' ', new[] { ErpValues.Text(record, "OrganizationBPName1"), ErpValues.Text(record, "OrganizationBPName2") }.OfType<string>());
        var name = ErpValues.Text(record, "BusinessPartnerFullName") ?? (organization.Length > 0 ? organization : code);
        return new ClientRecord(code, name)
        {
            LegalId = legalId, VatNumber = vat,
            Email = ErpValues.Text(email.ValueKind == JsonValueKind.Object ? email : emails.FirstOrDefault(), "EmailAddress"),
            Currency = customer.ValueKind == JsonValueKind.Object ? Results(customer, "to_CustomerSalesArea").Select(s => ErpValues.Text(s, "Currency")).FirstOrDefault(c => c is not null) : null,
            Address = addresses.Select(Address).FirstOrDefault(a => a is not null),
        };
    }

    // A postal address with a street, a postal code and a city; the house number first, as French addresses write it.
    private static PostalAddressRecord? Address(JsonElement address)
    {
        var street = string.Join(' ', new[] { ErpValues.Text(address, "HouseNumber"), ErpValues.Text(address, "StreetName") }.OfType<string>());
        return (street, ErpValues.Text(address, "PostalCode"), ErpValues.Text(address, "CityName")) is ({ Length: > 0 }, { } postalCode, { } city)
            ? new PostalAddressRecord(street, null, postalCode, city, ErpValues.Text(address, "Country") ?? "FR")
            : null;
    }

    // An expanded navigation's records; none when it is deferred ({"__deferred":...}) or absent.
    private static List<JsonElement> Results(JsonElement record, string navigation) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(navigation, out var value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array
            ? [.. results.EnumerateArray()]
            : [];
}
