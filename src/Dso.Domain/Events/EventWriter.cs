using Dso.Domain.Persistence;

namespace Dso.Domain.Events;

/// <summary>Writes event rows with one prepared statement, in the context's current transaction (the bulk paths use it directly).</summary>
public sealed class EventWriter(DsoDbContext db) : IDisposable
{
    private readonly BulkInserter<DomainEvent> inserter = new(db);

    public Task WriteAsync(DomainEvent domainEvent, CancellationToken cancellationToken) => inserter.InsertAsync(domainEvent, cancellationToken);

    public void Dispose() => inserter.Dispose();
}
