namespace Dso.Domain.Imports;

/// <summary>Where a running import is: the phase, and rows done so far.</summary>
public sealed record ImportProgress(string Phase, int Rows, int Errors);
