using Dso.Domain.Pieces;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>A promise to pay an amount (or everything, when null) by a date, made on a day about a piece.</summary>
public sealed record PaymentPromise(DateOnly Date, decimal? Amount, DateOnly MadeOn, Piece Piece);
