namespace Dso.Domain.Actions;

/// <summary>A piece listed by an action.</summary>
public sealed class ActionPiece
{
    public long ActionId { get; set; }

    public long PieceId { get; set; }
}
