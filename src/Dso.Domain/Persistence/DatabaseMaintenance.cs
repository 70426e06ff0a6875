using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Persistence;

/// <summary>
/// Provider-specific housekeeping. On SQLite: the write-ahead log (a property of the file) and fresh
/// planner statistics, so lookups by id use the primary key rather than an organization-wide index scan.
/// </summary>
public sealed class DatabaseMaintenance(DsoDbContext db)
{
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await OptimizeAsync(cancellationToken);
        }
    }

    /// <summary>Re-analyzes the tables whose size changed much since the last analysis (bounded in time).</summary>
    public async Task OptimizeAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", cancellationToken);
        }
    }
}
