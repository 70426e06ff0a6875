namespace Dso.Domain.Common.Paging;

/// <summary>A cursor that this ordering did not produce (forged, corrupted, or from another ordering).</summary>
public sealed class InvalidCursorException(string argument)
    : DsoException("INVALID_CURSOR", $"The cursor given in '{argument}' is not valid for this list and ordering.")
{
    public string Argument { get; } = argument;
}
