using Dso.Domain.Clients;
using Dso.Domain.Pieces;

namespace Dso.Domain.Imports;

/// <summary>Turns the cells of a row into inputs, reporting every unreadable cell by line and column.</summary>
public sealed class RowNormalizer
{
    private static readonly string[] ClientDetailFields = ["clientName", "clientLegalId", "clientVatNumber", "clientEmail", "clientLanguage", .. ImportMapping.AddressFields];
    private readonly ImportMapping mapping;
    private readonly CellParser parser;
    private readonly DateOnly importDate;
    private readonly Dictionary<string, int> columns = new(StringComparer.Ordinal);

    public RowNormalizer(ImportMapping mapping, IReadOnlyList<string> headers, DateOnly importDate, bool typedCells)
    {
        this.mapping = mapping;
        this.importDate = importDate;
        parser = typedCells ? new CellParser('.', mapping.DateFormat) : new CellParser(mapping.DecimalSeparator, mapping.DateFormat);
        if (headers.Select(CellParser.Garbled).FirstOrDefault(p => p is not null) is { } garbled)
        {
            HeaderIssues.Add(new RowIssue(1, null, $"The header line {garbled}."));
            return;
        }

        foreach (var (field, header) in mapping.Columns)
        {
            var index = headers.ToList().FindIndex(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                HeaderIssues.Add(new RowIssue(1, header, $"The mapped column '{header}' ({field}) is not in the file; its columns are: {string.Join(", ", headers.Take(30))}."));
            }
            else
            {
                columns[field] = index;
            }
        }
    }

    public List<RowIssue> HeaderIssues { get; } = [];

    /// <summary>True when the file describes clients beyond their code (a missing client is then created).</summary>
    public bool HasClientDetails => mapping.Kind == ImportKind.Clients || ClientDetailFields.Any(columns.ContainsKey);

    /// <summary>The column header of a mapping field, for error messages.</summary>
    public string? Column(string field) => mapping.Header(field);

    public ImportRow? Read(ITableReader reader, List<RowIssue> issues)
    {
        var line = reader.Line;
        var before = issues.Count;
        string Text(string field)
        {
            if (!columns.TryGetValue(field, out var index))
            {
                return "";
            }

            var text = reader.Cell(index).Trim();
            if (CellParser.Garbled(text) is { } problem)
            {
                issues.Add(new RowIssue(line, Column(field), $"The cell {problem}."));
                return "";
            }

            return text;
        }

        string? Optional(string field, bool plain = true)
        {
            var text = Text(field);
            if (plain && CellParser.LooksLikeFormula(text))
            {
                issues.Add(new RowIssue(line, Column(field), $"'{Shorten(text)}' looks like a spreadsheet formula; it is refused."));
            }

            return text.Length == 0 ? null : text;
        }

        decimal? Number(string field, bool required)
        {
            var text = Text(field);
            if (text.Length == 0)
            {
                if (required)
                {
                    issues.Add(new RowIssue(line, Column(field), "The amount is missing."));
                }

                return null;
            }

            var value = parser.Amount(text);
            if (value is null)
            {
                issues.Add(new RowIssue(line, Column(field), $"'{Shorten(text)}' is not an amount (decimal separator '{mapping.DecimalSeparator}')."));
            }

            return value;
        }

        DateOnly? Date(string field)
        {
            var text = Text(field);
            if (text.Length == 0)
            {
                return null;
            }

            var value = parser.Date(text);
            if (value is null)
            {
                issues.Add(new RowIssue(line, Column(field), $"'{Shorten(text)}' is not a date in the format {mapping.DateFormat}."));
            }

            return value;
        }

        var code = Optional("clientCode");
        if (code is null)
        {
            issues.Add(new RowIssue(line, Column("clientCode"), "The client code is missing."));
        }

        ClientInput? client = null;
        if (HasClientDetails)
        {
            var email = Optional("clientEmail");
            var language = Optional("clientLanguage");
            client = new ClientInput(code ?? "", Optional("clientName") ?? code ?? "", Optional("clientLegalId"), Optional("clientVatNumber"),
                Optional("currency"), language, mapping.Kind == ImportKind.Clients ? Number("creditLimit", required: false) : null,
                email is null ? null : [new ContactInput(null, email, null, language, true)],
                Optional("clientAddress1") is { } line1
                    ? new PostalAddressInput(line1, Optional("clientAddress2"), Optional("clientPostalCode"), Optional("clientCity"), Optional("clientCountry"))
                    : null,
                mapping.Kind == ImportKind.Clients ? Date("creditLimitReviewDate") : null);
        }

        PieceInput? piece = null;
        if (mapping.Kind == ImportKind.Pieces)
        {
            var number = Optional("number");
            if (number is null)
            {
                issues.Add(new RowIssue(line, Column("number"), "The piece number is missing."));
            }

            var amount = Number("amount", required: true);
            var open = Number("openAmount", required: true);
            var type = Type(Text("type"), amount, line, issues);
            var issued = Date("issueDate");
            var due = Date("dueDate");
            var paid = Date("paymentDate");
            if (issues.Count == before)
            {
                piece = new PieceInput(type!.Value, number!, code!, issued ?? due ?? importDate, due ?? issued ?? importDate, amount!.Value,
                    paid is null ? open!.Value : 0, Optional("currency"), paid ?? Date("balanceDate") ?? importDate);
            }
        }

        return issues.Count > before ? null : new ImportRow(line, client, piece);
    }

    // Named by typeValues, else by its API name, else (no type column) by the sign of the amount.
    private PieceType? Type(string text, decimal? amount, int line, List<RowIssue> issues)
    {
        if (text.Length == 0)
        {
            return columns.ContainsKey("type") && !mapping.TypeValues.ContainsKey("")
                ? Missing()
                : amount < 0 ? PieceType.CreditNote : PieceType.Invoice;
        }

        if (mapping.TypeValues.TryGetValue(text, out var mapped))
        {
            return mapped;
        }

        if (Enum.TryParse<PieceType>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var named) && !int.TryParse(text, out _))
        {
            return named;
        }

        issues.Add(new RowIssue(line, Column("type"), $"'{Shorten(text)}' is not a known piece type; map it in typeValues (known: {string.Join(", ", mapping.TypeValues.Keys)})."));
        return null;

        PieceType? Missing()
        {
            issues.Add(new RowIssue(line, Column("type"), "The piece type is missing."));
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
