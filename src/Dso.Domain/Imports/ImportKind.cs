namespace Dso.Domain.Imports;

/// <summary>What a file holds: pieces (with optional client columns) or clients.</summary>
public enum ImportKind
{
    Pieces,
    Clients,
}
