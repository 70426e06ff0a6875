using System.Text;

namespace Dso.Domain.Imports;

/// <summary>
/// How to read a file (domain-rules §2, binding): its kind, text options, which header holds each field,
/// and how the file names piece types.
/// </summary>
public sealed record ImportMapping(
    ImportKind Kind,
    char Delimiter,
    Encoding Encoding,
    char DecimalSeparator,
    string DateFormat,
    IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, Pieces.PieceType> TypeValues)
{
    /// <summary>The client's postal address (for letters): a row gives one when it has a first line.</summary>
    public static readonly string[] AddressFields = ["clientAddress1", "clientAddress2", "clientPostalCode", "clientCity", "clientCountry"];

    /// <summary>Fields a PIECES mapping may name; the first four and the amounts are required.</summary>
    public static readonly string[] PieceFields =
        ["clientCode", "number", "amount", "openAmount", "type", "issueDate", "dueDate", "currency", "balanceDate", "paymentDate", "clientName", "clientLegalId", "clientVatNumber", "clientEmail", "clientLanguage", .. AddressFields];

    /// <summary>Fields a CLIENTS mapping may name; code and name are required.</summary>
    public static readonly string[] ClientFields = ["clientCode", "clientName", "clientLegalId", "clientVatNumber", "clientEmail", "clientLanguage", "currency", "creditLimit", "creditLimitReviewDate", .. AddressFields];

    public string? Header(string field) => Columns.GetValueOrDefault(field);
}
