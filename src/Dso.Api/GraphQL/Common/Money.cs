namespace Dso.Api.GraphQL.Common;

/// <summary>An amount with its ISO 4217 currency.</summary>
public sealed record Money(decimal Amount, string Currency);
