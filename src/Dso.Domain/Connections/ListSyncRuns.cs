using Dso.Domain.Common.Paging;
using Dso.Domain.Persistence;

namespace Dso.Domain.Connections;

/// <summary>A page of a connection's runs, newest first, or of a run's rejected records, in read order.</summary>
public sealed class ListSyncRuns(DsoDbContext db)
{
    private static readonly SortKey<SyncRun>[] RunKeys = [SortKeys.By<SyncRun, long>("id", r => r.Id, descending: true)];
    private static readonly SortKey<SyncRunError>[] ErrorKeys = [SortKeys.By<SyncRunError, long>("id", e => e.Id)];

    public Task<Page<SyncRun>> ExecuteAsync(long connectionId, PageRequest page, CancellationToken cancellationToken) =>
        Keyset.PageAsync(db.SyncRuns.Where(r => r.ErpConnectionId == connectionId), RunKeys, page, cancellationToken);

    public Task<Page<SyncRunError>> ErrorsAsync(long runId, PageRequest page, CancellationToken cancellationToken) =>
        Keyset.PageAsync(db.Set<SyncRunError>().Where(e => e.SyncRunId == runId), ErrorKeys, page, cancellationToken);
}
