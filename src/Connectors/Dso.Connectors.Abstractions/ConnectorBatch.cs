namespace Dso.Connectors.Abstractions;

/// <summary>What one step of a read brings: records, the keys of pieces the ERP reports settled or deleted, records it could not read, and where to resume.</summary>
/// <param name="Clients">Customers read.</param>
/// <param name="Pieces">Open items read, with their open amount as the ERP sees it.</param>
/// <param name="Cursor">Where to resume after this batch (opaque to the host; the plug-in's own format, versioned by it).</param>
public sealed record ConnectorBatch(IReadOnlyList<ClientRecord> Clients, IReadOnlyList<PieceRecord> Pieces, string? Cursor)
{
    /// <summary>Pieces the ERP reports settled or deleted since the cursor (their open amount becomes 0).</summary>
    public IReadOnlyList<PieceKey> Settled { get; init; } = [];

    /// <summary>Records the plug-in could not read: reported on the run, which goes on.</summary>
    public IReadOnlyList<RejectedRecord> Rejected { get; init; } = [];

    /// <summary>
    /// Called by the host once this batch (and every batch before it) is committed, outside the transaction (contract
    /// 1.1): where the plug-in acts on the ERP's side only after the data is safe (moves an imported file, acknowledges
    /// a message). The host reads ahead, so asking for the next batch says nothing of this one's commit. A failure of
    /// the callback is logged and does not fail the run.
    /// </summary>
    public Func<CancellationToken, Task>? Committed { get; init; }
}

/// <summary>A customer as the ERP holds it.</summary>
/// <param name="Code">The ERP's customer code: Dso's natural key of the client.</param>
/// <param name="Name">The customer's name.</param>
public sealed record ClientRecord(string Code, string Name)
{
    /// <summary>The company's legal identifier (a SIREN in France).</summary>
    public string? LegalId { get; init; }

    /// <summary>The VAT number.</summary>
    public string? VatNumber { get; init; }

    /// <summary>ISO 4217 code of the customer's usual currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Language of the dunning messages (<c>fr</c>, <c>en</c>...).</summary>
    public string? Language { get; init; }

    /// <summary>The address dunning emails go to.</summary>
    public string? Email { get; init; }

    /// <summary>The credit limit the ERP grants the customer, in its <see cref="Currency"/> (contract 1.2); null when none is set.</summary>
    public decimal? CreditLimit { get; init; }

    /// <summary>When the credit limit is to be reviewed (contract 1.3); null when none is set.</summary>
    public DateOnly? CreditLimitReviewDate { get; init; }

    /// <summary>The postal address letters go to (contract 1.3); null leaves the client's as it is.</summary>
    public PostalAddressRecord? Address { get; init; }
}

/// <summary>A customer's postal address (its billing address in the ERP).</summary>
/// <param name="Line1">The street line ("12 rue de la Paix").</param>
/// <param name="Line2">A second line (building, PO box), if any.</param>
/// <param name="PostalCode">The postal code.</param>
/// <param name="City">The city.</param>
/// <param name="Country">ISO 3166 alpha-2 code of the country ("FR").</param>
public sealed record PostalAddressRecord(string Line1, string? Line2, string PostalCode, string City, string Country);

/// <summary>An open item as the ERP holds it.</summary>
/// <param name="Type">What it is.</param>
/// <param name="Number">The document number: with the type, Dso's natural key of the piece.</param>
/// <param name="ClientCode">The customer's code.</param>
/// <param name="IssueDate">The document's date.</param>
/// <param name="DueDate">When it is due.</param>
/// <param name="Amount">The document's total (credits may be given with either sign).</param>
/// <param name="OpenAmount">What remains open on it.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
public sealed record PieceRecord(PieceKind Type, string Number, string ClientCode, DateOnly IssueDate, DateOnly DueDate, decimal Amount, decimal OpenAmount, string Currency)
{
    /// <summary>The day the open amount was true in the ERP (default: the day of the read).</summary>
    public DateOnly? BalanceDate { get; init; }
}

/// <summary>The natural key of a piece.</summary>
/// <param name="Type">What it is.</param>
/// <param name="Number">Its document number.</param>
public sealed record PieceKey(PieceKind Type, string Number);

/// <summary>A record the plug-in could not read.</summary>
/// <param name="Reference">What it was, in the ERP's terms (<c>Invoices(DocEntry=12)</c>).</param>
/// <param name="Reason">Why it was refused.</param>
public sealed record RejectedRecord(string Reference, string Reason);

/// <summary>The kinds of open items.</summary>
public enum PieceKind
{
    /// <summary>An invoice.</summary>
    Invoice,

    /// <summary>A debit note.</summary>
    DebitNote,

    /// <summary>A credit note.</summary>
    CreditNote,

    /// <summary>A payment received and not yet applied to an invoice.</summary>
    UnappliedPayment,

    /// <summary>Another item of the customer's account.</summary>
    Misc,

    /// <summary>A bill of exchange (LCR).</summary>
    BillOfExchange,

    /// <summary>A request for a down payment.</summary>
    DownPaymentRequest,
}
