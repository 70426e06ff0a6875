namespace Dso.Domain.Pieces;

/// <summary>On which side of the company's books a piece type stands.</summary>
public enum PieceSign
{
    /// <summary>Owed to the company: stored positive.</summary>
    Debit,

    /// <summary>Owed by the company (credit notes, unapplied payments): stored negative.</summary>
    Credit,

    /// <summary>Either side, the sign given is kept (miscellaneous items).</summary>
    Either,

    /// <summary>Dunned, but outside every amount (down-payment requests).</summary>
    Memo,
}
