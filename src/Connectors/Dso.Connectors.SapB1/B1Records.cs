using System.Globalization;
using System.Text.Json;
using Dso.Connectors.Abstractions;
using Dso.Connectors.Shared;

namespace Dso.Connectors.SapB1;

/// <summary>Service Layer records as Dso's: a business partner as a client, a document as a piece (or the key of one it settles).</summary>
internal static class B1Records
{
    public const string CustomerFields = "CardCode,CardName,CardType,FederalTaxID,AdditionalID,EmailAddress,Currency,CreditLimit,Address,ZipCode,City,Country,BPAddresses";
    public const string DocumentFields = "DocEntry,DocNum,DocDate,DocDueDate,CardCode,DocCurrency,DocTotal,DocTotalFc,PaidToDate,PaidToDateFC,DocumentStatus,Cancelled,UpdateDate";

    /// <summary>
    /// Customers: <c>CardCode</c>, <c>CardName</c>; <c>FederalTaxID</c> and <c>AdditionalID</c> give the VAT number
    /// and the SIREN or SIRET, whichever each holds; the currency unless <c>##</c> (all currencies); the credit limit
    /// unless 0 (none set).
    /// </summary>
    public static ConnectorBatch Customers(JsonElement records)
    {
        var (clients, rejected) = (new List<ClientRecord>(), new List<RejectedRecord>());
        foreach (var record in records.EnumerateArray())
        {
            try
            {
                var code = ErpValues.RequiredText(record, "CardCode");
                var (legalId, vat) = ErpValues.Identifiers([ErpValues.Text(record, "FederalTaxID"), ErpValues.Text(record, "AdditionalID")]);
                var limit = record.TryGetProperty("CreditLimit", out var given) && given.ValueKind != JsonValueKind.Null ? ErpValues.Amount(record, "CreditLimit") : 0m;
                clients.Add(new ClientRecord(code, ErpValues.Text(record, "CardName") ?? code)
                {
                    LegalId = legalId, VatNumber = vat, Email = ErpValues.Text(record, "EmailAddress"),
                    Currency = ErpValues.Text(record, "Currency") is { } currency and not "##" ? currency : null,
                    CreditLimit = limit > 0 ? limit : null,
                    Address = Address(record),
                });
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedRecord($"BusinessPartners('{ErpValues.Text(record, "CardCode")}')", e.Message));
            }
        }

        return new ConnectorBatch(clients, [], null) { Rejected = rejected };
    }

    // The bill-to entry of BPAddresses, else the partner's own Address, ZipCode, City and Country; none without a street, postal code and city.
    private static PostalAddressRecord? Address(JsonElement record)
    {
        var billTo = record.TryGetProperty("BPAddresses", out var addresses) && addresses.ValueKind == JsonValueKind.Array
            ? addresses.EnumerateArray().FirstOrDefault(a => ErpValues.Text(a, "AddressType") == "bo_BillTo")
            : default;
        var (street, block, postalCode, city, country) = billTo.ValueKind == JsonValueKind.Object
            ? (ErpValues.Text(billTo, "Street"), ErpValues.Text(billTo, "Block"), ErpValues.Text(billTo, "ZipCode"), ErpValues.Text(billTo, "City"), ErpValues.Text(billTo, "Country"))
            : (ErpValues.Text(record, "Address"), null, ErpValues.Text(record, "ZipCode"), ErpValues.Text(record, "City"), ErpValues.Text(record, "Country"));
        return street is not null && postalCode is not null && city is not null ? new PostalAddressRecord(street, block, postalCode, city, country ?? "FR") : null;
    }

    /// <summary>
    /// Invoices or credit notes: an open, uncancelled document is a piece numbered <c>DocNum</c>, its amounts in the
    /// local currency (<c>DocTotal</c>, <c>PaidToDate</c>) or, for a document in another currency, in that one
    /// (<c>DocTotalFc</c>, <c>PaidToDateFC</c>); a closed or cancelled one (read by an incremental read) settles its piece.
    /// </summary>
    public static ConnectorBatch Documents(JsonElement records, string entity, PieceKind kind, string localCurrency)
    {
        var (pieces, settled, rejected) = (new List<PieceRecord>(), new List<PieceKey>(), new List<RejectedRecord>());
        foreach (var record in records.EnumerateArray())
        {
            try
            {
                var number = record.TryGetProperty("DocNum", out var docNum) && docNum.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : throw new FormatException("DocNum is missing.");
                if (ErpValues.Text(record, "DocumentStatus") != "bost_Open" || ErpValues.Text(record, "Cancelled") == "tYES")
                {
                    settled.Add(new PieceKey(kind, number));
                    continue;
                }

                var currency = ErpValues.Text(record, "DocCurrency") ?? localCurrency;
                var foreign = !string.Equals(currency, localCurrency, StringComparison.OrdinalIgnoreCase);
                var total = ErpValues.Amount(record, foreign ? "DocTotalFc" : "DocTotal");
                var paid = ErpValues.Amount(record, foreign ? "PaidToDateFC" : "PaidToDate");
                pieces.Add(new PieceRecord(kind, number, ErpValues.RequiredText(record, "CardCode"), Date(record, "DocDate"), Date(record, "DocDueDate"), total, total - paid, currency));
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedRecord($"{entity}({(record.TryGetProperty("DocEntry", out var entry) ? entry.ToString() : "?")})", e.Message));
            }
        }

        return new ConnectorBatch([], pieces, null) { Settled = settled, Rejected = rejected };
    }

    // "2024-06-01" in v1, "2024-06-01T00:00:00Z" in v2: the day is the first ten characters.
    private static DateOnly Date(JsonElement record, string name) =>
        ErpValues.Day(ErpValues.Text(record, name)) ?? throw new FormatException($"{name} '{ErpValues.Text(record, name)}' is not a date.");
}
