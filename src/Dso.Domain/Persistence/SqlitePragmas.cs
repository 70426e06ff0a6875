using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dso.Domain.Persistence;

/// <summary>Per-connection SQLite settings: normal sync (safe with the write-ahead log), foreign keys, a busy wait.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // A 64 MiB page cache: a bulk import maintains about ten indexes at once; the default 2 MiB thrashes.
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;";

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
