namespace Dso.Domain.Imports;

/// <summary>FULL: the file lists every open piece of its source; DELTA: only what changed.</summary>
public enum ImportMode
{
    Full,
    Delta,
}
