namespace Dso.Domain.Imports;

/// <summary>What to import: the file's name, its mapping (JSON, or the name of a saved one), the mode, the source and the day the file reflects.</summary>
public sealed record ImportRequest(string FileName, string? MappingJson, string? MappingName, ImportMode Mode, string? Source = null, long? UserId = null, DateOnly? AsOf = null);
