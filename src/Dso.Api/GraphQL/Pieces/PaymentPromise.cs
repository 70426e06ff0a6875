namespace Dso.Api.GraphQL.Pieces;

/// <summary>A promise to pay an amount (or everything, when null) by a date.</summary>
public sealed record PaymentPromise(DateOnly Date, decimal? Amount, string Currency);
