namespace Dso.Domain.Common.Paging;

/// <summary>One requested ordering: a field of the list and its direction.</summary>
public sealed record SortOrder<TField>(TField Field, bool Descending) where TField : struct, Enum;
