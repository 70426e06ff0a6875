namespace Dso.Domain.Common;

/// <summary>An amount with its ISO 4217 currency.</summary>
public readonly record struct Money(decimal Amount, string Currency);
