using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Imports;

/// <summary>
/// The checks of the import pipeline, the same as the API's upserts, for records of any source: each record's client
/// and piece are validated, a piece must have its client (known already or created by the same source), and a piece
/// may appear once in a read. Issues name the field through <c>column</c> (a file's header, a connector's field name).
/// </summary>
public sealed class RecordChecker
{
    private readonly Dictionary<string, string> known;
    private readonly PieceKeySet seen = new();
    private readonly string organizationCurrency;

    private RecordChecker(Dictionary<string, string> known, string organizationCurrency, DateOnly importDate) =>
        (this.known, this.organizationCurrency, ImportDate) = (known, organizationCurrency, importDate);

    /// <summary>The day the records reflect: a balance without a date of its own is dated so.</summary>
    public DateOnly ImportDate { get; }

    public static async Task<RecordChecker> CreateAsync(DsoDbContext db, string organizationCurrency, DateOnly importDate, CancellationToken cancellationToken)
    {
        var known = await db.Clients.AsNoTracking().Select(c => new { c.Code, c.Currency })
            .ToDictionaryAsync(c => c.Code, c => c.Currency, StringComparer.Ordinal, cancellationToken);
        return new RecordChecker(known, organizationCurrency, importDate);
    }

    /// <summary>Forgets the pieces seen so far: a source that delivers at least once may repeat a piece in a later batch.</summary>
    public void ForgetSeen() => seen.Clear();

    /// <summary>Adds the record's issues; true when it has none.</summary>
    public bool Check(ImportRow row, Func<string, string?> column, List<RowIssue> issues)
    {
        var before = issues.Count;
        var errors = new List<UserError>();
        var currency = known.GetValueOrDefault(row.Client?.Code ?? row.Piece?.ClientCode ?? "");
        if (row.Client is { } client && ClientValidation.Validate(client, new FieldPath("row", row.Line), organizationCurrency, errors) is { } values)
        {
            known.TryAdd(values.Code, values.Currency);
            currency ??= values.Currency;
        }

        if (row.Piece is { } piece)
        {
            if (currency is null && row.Client is null)
            {
                issues.Add(new RowIssue(row.Line, column("clientCode"), $"No client with code '{piece.ClientCode}', and the source gives no client to create it."));
            }
            else if (PieceValidation.Validate(piece, new FieldPath("row", row.Line), 0, currency ?? organizationCurrency, ImportDate, errors) is { } value &&
                !seen.TryAdd(value.Type, value.Number, row.Line, out var first))
            {
                issues.Add(new RowIssue(row.Line, column("number"), $"{value.Type} {value.Number} is already on line {first}."));
            }
        }

        // A cell the normalizer already refused (a formula) is reported once: its issues are the last of the list.
        if (errors.Count > 0)
        {
            var reported = new HashSet<string?>();
            for (var i = issues.Count - 1; i >= 0 && issues[i].Line == row.Line; i--)
            {
                reported.Add(issues[i].Column);
            }

            issues.AddRange(errors.Select(e => new RowIssue(row.Line, column(FieldOf(e)), e.Message)).Where(issue => !reported.Contains(issue.Column)));
        }

        return issues.Count == before;
    }

    // The record field (as a mapping names it) a validation error is about.
    private static string FieldOf(UserError error) => error.Field[^1] switch
    {
        "code" => "clientCode",
        "name" => "clientName",
        "legalId" => "clientLegalId",
        "vatNumber" => "clientVatNumber",
        "language" => "clientLanguage",
        "address.line1" => "clientAddress1",
        "address.line2" => "clientAddress2",
        "address.postalCode" => "clientPostalCode",
        "address.city" => "clientCity",
        "address.country" => "clientCountry",
        var field when field.StartsWith("contacts.", StringComparison.Ordinal) => field.EndsWith("language", StringComparison.Ordinal) ? "clientLanguage" : "clientEmail",
        var field => field,
    };
}
