using Dso.Domain.Common.Paging;
using Dso.Domain.Persistence;

namespace Dso.Domain.Imports;

/// <summary>A page of a job's row errors, in file order.</summary>
public sealed class ListImportRowErrors(DsoDbContext db)
{
    private static readonly SortKey<ImportRowError>[] Keys = [SortKeys.By<ImportRowError, long>("id", e => e.Id)];

    public Task<Page<ImportRowError>> ExecuteAsync(long jobId, PageRequest page, CancellationToken cancellationToken) =>
        Keyset.PageAsync(db.Set<ImportRowError>().Where(e => e.ImportJobId == jobId), Keys, page, cancellationToken);
}
