using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dso.Domain.Persistence;

/// <summary>
/// Stores money as a whole number of ten-thousandths, so sums, comparisons and orderings are exact
/// integer operations in SQL on every provider (SQLite has no decimal type).
/// </summary>
public sealed class ScaledDecimalConverter() : ValueConverter<decimal, long>(
    value => (long)Math.Round(value * Scale, MidpointRounding.AwayFromZero),
    stored => stored / (decimal)Scale)
{
    public const long Scale = 10_000;
}
