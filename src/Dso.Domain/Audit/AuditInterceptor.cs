using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dso.Domain.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every entity a mutation saves, in the saving transaction (every save runs
/// in one: see <see cref="DsoDbContext"/>): the changes are read before saving, and written (with the bulk
/// inserter) once saving has given new entities their keys.
/// Balance events (a history of their own) and secrets are left out; bulk writes (imports, scenario runs) are
/// audited as their job.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = ["Hash"];
    private static readonly ConcurrentDictionary<IEntityType, IProperty[]> Written = new();

    private readonly ConditionalWeakTable<DbContext, List<(EntityEntry Entry, AuditChange Change, string Values)>> pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DsoDbContext db && Audits(db) && !pending.TryGetValue(db, out _))
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            using var json = new Utf8JsonWriter(buffer);
            var changes = db.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry and not BalanceEvent)
                .Select(e => (Entry: e, Change: e.State switch { EntityState.Added => AuditChange.Added, EntityState.Deleted => AuditChange.Deleted, _ => AuditChange.Modified }, Values: Values(e, buffer, json)))
                .ToList();
            if (changes.Count > 0)
            {
                pending.AddOrUpdate(db, changes);
            }
        }

        return ValueTask.FromResult(result);
    }

    /// <summary>True when the context's writes are audited one by one (a mutation's); bulk jobs are audited as their job.</summary>
    internal static bool Audits(DsoDbContext db) => db.Tenant is { Operation: not null, OrganizationId: not null };

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DsoDbContext db && pending.TryGetValue(db, out var changes))
        {
            var tenant = db.Tenant;
            var now = clock.GetUtcNow();
            // One prepared statement, in the transaction the changes were saved in; the entries are not tracked.
            using (var entries = new BulkInserter<AuditEntry>(db))
            {
                foreach (var (entry, change, values) in changes)
                {
                    await entries.InsertAsync(new AuditEntry(tenant.OrganizationId!.Value, tenant.UserId, now, tenant.Operation!,
                        entry.Metadata.ClrType.Name, Key(entry), change, values), cancellationToken);
                }
            }

            pending.Remove(db);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            pending.Remove(db);
        }

        return Task.CompletedTask;
    }

    private static string Key(EntityEntry entry) =>
        string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    // One buffer and writer for all the entries of a save; a new entity's empty values say nothing and are left out.
    private static string Values(EntityEntry entry, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json) =>
        Values(entry.Metadata, entry.State, p => entry.CurrentValues[p], p => entry.OriginalValues[p], p => entry.Property(p).IsModified, buffer, json);

    /// <summary>The values of a new entity written outside the change tracker, as an entry of its save would hold them.</summary>
    internal static string AddedValues(IEntityType type, object entity, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json) =>
        Values(type, EntityState.Added, p => p.GetGetter().GetClrValue(entity), _ => null, _ => true, buffer, json);

    private static string Values(IEntityType type, EntityState state, Func<IProperty, object?> current, Func<IProperty, object?> original, Func<IProperty, bool> modified,
        ArrayBufferWriter<byte> buffer, Utf8JsonWriter json)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        // The key is the entry's own (a new entity's is only known after saving), and so is the organization.
        foreach (var property in Written.GetOrAdd(type, t => [.. t.GetProperties().Where(p => !p.IsPrimaryKey() && p.Name != nameof(AuditEntry.OrganizationId))]))
        {
            // Unchanged values say nothing.
            if (state == EntityState.Modified && !modified(property))
            {
                continue;
            }

            var after = state == EntityState.Deleted ? null : current(property);
            if (state == EntityState.Added && after is null)
            {
                continue;
            }

            var secret = Secret.Contains(property.Name);
            json.WriteStartObject(property.Name);
            if (state != EntityState.Added)
            {
                Write(json, "before", secret ? "***" : original(property));
            }

            if (state != EntityState.Deleted)
            {
                Write(json, "after", secret ? "***" : after);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.Flush();
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case long number: json.WriteNumberValue(number); break;
            case int number: json.WriteNumberValue(number); break;
            case decimal number: json.WriteStringValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            case DateOnly date: json.WriteStringValue(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); break;
            case DateTimeOffset instant: json.WriteStringValue(instant); break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }
}
