using System.Globalization;
using System.Text.Json;
using Dso.Connectors.Abstractions;
using Dso.Connectors.Shared;

namespace Dso.Connectors.SapS4;

/// <summary>
/// One customer line item of <c>A_OperationalAcctgDocItemCube</c> (<c>FinancialAccountType</c> <c>D</c>), keyed by
/// company code, fiscal year, accounting document and item; <see cref="InvoiceReference"/> is the key of the invoice a
/// partial payment or a credit memo reduces, when it points at one.
/// </summary>
internal sealed record S4Item(
    string CompanyCode, string FiscalYear, string Document, string Item, string Customer, string DocumentType, bool Credit, bool SpecialGl,
    string? Reference, DateOnly IssueDate, DateOnly DueDate, decimal Amount, string Currency, (string, string, string, string)? InvoiceReference)
{
    public const string Fields =
        "CompanyCode,FiscalYear,AccountingDocument,AccountingDocumentItem,Customer,AccountingDocumentType,DebitCreditCode,SpecialGLCode,DocumentReferenceID,BillingDocument," +
        "DocumentDate,PostingDate,NetDueDate,AmountInTransactionCurrency,TransactionCurrency,IsCleared,InvoiceReference,InvoiceReferenceFiscalYear,InvoiceItemReference";

    public (string, string, string, string) Key => (CompanyCode, FiscalYear, Document, Item.TrimStart('0'));

    /// <summary>What Dso calls it: a debit is an invoice, a credit of a payment document (<c>DZ</c>) an unapplied payment, any other credit a credit note.</summary>
    public PieceKind Kind => !Credit ? PieceKind.Invoice : DocumentType == "DZ" ? PieceKind.UnappliedPayment : PieceKind.CreditNote;

    /// <summary>
    /// Its number: an unapplied payment's is its accounting document and fiscal year (<c>1400000045/2024</c>: a
    /// payment's reference is the bank's text); an invoice's or a credit note's is its reference (the printed number:
    /// <c>DocumentReferenceID</c>, else the billing document, else as a payment's), with <c>-item</c> after it for a
    /// document's second and later customer lines (installments).
    /// </summary>
    public string Number => Kind == PieceKind.UnappliedPayment || Reference is null
        ? $"{Document}/{FiscalYear}"
        : Item.TrimStart('0') is "1" or "" ? Reference : $"{Reference}-{Item}";

    public static string Describe(JsonElement record) =>
        $"A_OperationalAcctgDocItemCube(CompanyCode='{ErpValues.Text(record, "CompanyCode")}',FiscalYear='{ErpValues.Text(record, "FiscalYear")}',AccountingDocument='{ErpValues.Text(record, "AccountingDocument")}',AccountingDocumentItem='{ErpValues.Text(record, "AccountingDocumentItem")}')";

    /// <summary>The item of a record, or a <see cref="FormatException"/> saying what does not read.</summary>
    public static S4Item Parse(JsonElement record)
    {
        var issued = Date(record, "DocumentDate") ?? Date(record, "PostingDate") ?? throw new FormatException("DocumentDate is missing.");
        var reference = ErpValues.Text(record, "InvoiceReference") is { } invoice
            ? (ErpValues.RequiredText(record, "CompanyCode"), ErpValues.Text(record, "InvoiceReferenceFiscalYear") ?? "", invoice, (ErpValues.Text(record, "InvoiceItemReference") ?? "").TrimStart('0'))
            : ((string, string, string, string)?)null;
        return new S4Item(
            ErpValues.RequiredText(record, "CompanyCode"), ErpValues.RequiredText(record, "FiscalYear"), ErpValues.RequiredText(record, "AccountingDocument"),
            ErpValues.RequiredText(record, "AccountingDocumentItem"), ErpValues.RequiredText(record, "Customer"), ErpValues.Text(record, "AccountingDocumentType") ?? "",
            ErpValues.Text(record, "DebitCreditCode") == "H", ErpValues.Text(record, "SpecialGLCode") is not null,
            ErpValues.Text(record, "DocumentReferenceID") ?? ErpValues.Text(record, "BillingDocument"),
            issued, Date(record, "NetDueDate") ?? issued, ErpValues.Amount(record, "AmountInTransactionCurrency"), ErpValues.RequiredText(record, "TransactionCurrency"), reference);
    }

    /// <summary>An <c>Edm.DateTime</c> as OData v2 writes it, <c>/Date(1717200000000)/</c> (UTC milliseconds, an offset after them for <c>DateTimeOffset</c>), or null.</summary>
    public static DateOnly? Date(JsonElement record, string name)
    {
        if (ErpValues.Text(record, name) is not { } text)
        {
            return null;
        }

        var digits = text.StartsWith("/Date(", StringComparison.Ordinal) ? text[6..].TrimEnd('/', ')') : null;
        var end = digits?.IndexOfAny(['+', '-'], 1) ?? -1;
        return digits is not null && long.TryParse(end > 0 ? digits[..end] : digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds)
            ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime)
            : throw new FormatException($"{name} '{text}' is not an OData date.");
    }

    /// <summary>
    /// The pieces of one customer's open items: each item is a piece, except special G/L items (down payments, bills
    /// of exchange: not claims to collect) and items pointing at an open invoice of the set, which reduce its open
    /// amount instead (partial payments, credit memos) as long as it stays at or above zero.
    /// </summary>
    public static IEnumerable<PieceRecord> Pieces(IReadOnlyList<S4Item> items)
    {
        var invoices = items.Where(i => !i.SpecialGl && !i.Credit).ToDictionary(i => i.Key, i => i);
        var open = invoices.ToDictionary(p => p.Key, p => p.Value.Amount);
        var standalone = new List<S4Item>();
        foreach (var item in items.Where(i => !i.SpecialGl))
        {
            if (item.InvoiceReference is { } key && invoices.TryGetValue(key, out var invoice) && invoice != item && invoice.Currency == item.Currency && open[key] + item.Amount >= 0)
            {
                open[key] += item.Amount;
            }
            else
            {
                standalone.Add(item);
            }
        }

        return standalone.Select(i => new PieceRecord(
            i.Kind, i.Number, i.Customer, i.IssueDate, i.DueDate, Math.Abs(i.Amount), Math.Abs(open.TryGetValue(i.Key, out var left) ? left : i.Amount), i.Currency));
    }

    /// <summary>The key of the piece a cleared item settled: none for an item that only reduced an invoice (the invoice is cleared with it) or a special G/L one.</summary>
    public PieceKey? Settles => SpecialGl || InvoiceReference is not null ? null : new PieceKey(Kind, Number);
}
