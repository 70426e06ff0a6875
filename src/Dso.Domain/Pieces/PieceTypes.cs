namespace Dso.Domain.Pieces;

/// <summary>The accounting rules attached to each piece type (domain-rules §1).</summary>
public static class PieceTypes
{
    public static PieceSign Sign(this PieceType type) => type switch
    {
        PieceType.Invoice or PieceType.DebitNote or PieceType.BillOfExchange => PieceSign.Debit,
        PieceType.CreditNote or PieceType.UnappliedPayment => PieceSign.Credit,
        PieceType.Misc => PieceSign.Either,
        PieceType.DownPaymentRequest => PieceSign.Memo,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// The types that make receivables (domain-rules §5): invoices, debit notes, credit notes, miscellaneous
    /// items and bills of exchange; unapplied payments and memo items are left out.
    /// </summary>
    public static readonly PieceType[] Receivable = [PieceType.Invoice, PieceType.DebitNote, PieceType.CreditNote, PieceType.Misc, PieceType.BillOfExchange];

    /// <summary>Counts in outstanding amounts (everything but memo items).</summary>
    public static bool HasAccountingValue(this PieceType type) => type.Sign() != PieceSign.Memo;

    /// <summary>
    /// The stored (signed) form of an amount given for a type: credit types accept either sign and
    /// become negative; debit and memo types must not be negative. Null when the sign is wrong.
    /// </summary>
    public static decimal? Normalize(this PieceType type, decimal amount) => type.Sign() switch
    {
        PieceSign.Credit => -Math.Abs(amount),
        PieceSign.Either => amount,
        _ => amount < 0 ? null : amount,
    };
}
