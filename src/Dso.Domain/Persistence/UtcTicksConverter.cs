using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dso.Domain.Persistence;

/// <summary>Stores instants as UTC ticks on SQLite, which has no timestamp type that orders correctly.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    stored => new DateTimeOffset(stored, TimeSpan.Zero));
