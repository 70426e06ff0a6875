using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dso.Domain.Persistence;

/// <summary>Per-connection SQLite settings: normal sync (safe with the write-ahead log), foreign keys, a busy wait.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // A 64 MiB page cache: a bulk import maintains about ten indexes at once; the default 2 MiB thrashes.
    // The write-ahead log is copied back into the database once it holds 64 MiB, not 4 MiB: a call that writes a
    // thousand pieces dirties pages of twelve indexes, so with the default every such commit would also copy back
    // and sync, and the other writers (the event handlers) would wait for it.
    private const string Pragmas =
        "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=16384;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
