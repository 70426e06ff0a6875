using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Dso.Domain.Persistence;

namespace Dso.Domain.Audit;

/// <summary>
/// The audit entries of new entities a mutation writes outside the change tracker (with prepared inserts): the same
/// entries <see cref="AuditInterceptor"/> writes for the entities of a save, in the same transaction.
/// </summary>
internal sealed class AddedAudit(DsoDbContext db) : IDisposable
{
    private readonly BulkInserter<AuditEntry> entries = new(db);
    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private readonly Utf8JsonWriter json = new(Stream.Null);

    public Task WriteAsync<T>(T entity, long key, DateTimeOffset at, CancellationToken cancellationToken)
        where T : class
    {
        var tenant = db.Tenant;
        var values = AuditInterceptor.AddedValues(db.Model.FindEntityType(typeof(T))!, entity, buffer, json);
        return entries.InsertAsync(new AuditEntry(tenant.OrganizationId!.Value, tenant.UserId, at, tenant.Operation!, typeof(T).Name,
            key.ToString(CultureInfo.InvariantCulture), AuditChange.Added, values), cancellationToken);
    }

    public void Dispose()
    {
        entries.Dispose();
        json.Dispose();
    }
}
