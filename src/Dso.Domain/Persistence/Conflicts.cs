using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Persistence;

/// <summary>
/// Runs a unit of work that reads then saves in a transaction of its own, begun before it reads (on SQLite a
/// write transaction, so concurrent writers wait for each other), and runs it again on fresh data when another
/// writer changed the same rows meanwhile anyway (a stale version, a natural key inserted meanwhile: on
/// PostgreSQL, say). Inside a caller's transaction the conflict is the caller's.
/// </summary>
public static class Conflicts
{
    public const int MaxAttempts = 10;

    public static async Task<T> WriteAsync<T>(this DsoDbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await work();
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(attempt * 5), cancellationToken);
            }
        }
    }
}
