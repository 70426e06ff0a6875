namespace Dso.Domain.Pieces;

/// <summary>The seven kinds of open items.</summary>
public enum PieceType
{
    Invoice,
    DebitNote,
    CreditNote,
    UnappliedPayment,
    Misc,
    BillOfExchange,
    DownPaymentRequest,
}
