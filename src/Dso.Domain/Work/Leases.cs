using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Dso.Domain.Work;

/// <summary>
/// The one way background work is claimed: conditional updates, so that of several workers racing for a row one
/// wins, on any provider. Each returns how many rows it changed.
/// </summary>
public static class Leases
{
    /// <summary>Rows nobody holds, or whose holder's lease has lapsed.</summary>
    public static Expression<Func<T, bool>> Free<T>(DateTimeOffset now)
        where T : class, ILeased => r => r.ClaimedBy == null || r.LeaseUntil < now;

    /// <summary>Takes the free rows (and those this worker holds already), setting <paramref name="also"/> in the same update.</summary>
    public static Task<int> ClaimAsync<T>(IQueryable<T> rows, Worker worker, DateTimeOffset now, CancellationToken cancellationToken, Action<UpdateSettersBuilder<T>>? also = null)
        where T : class, ILeased =>
        rows.Where(r => r.ClaimedBy == null || r.LeaseUntil < now || r.ClaimedBy == worker.Name)
            .ExecuteUpdateAsync(
                s =>
                {
                    s.SetProperty(r => r.ClaimedBy, worker.Name).SetProperty(r => r.LeaseUntil, now + worker.LeaseDuration);
                    also?.Invoke(s);
                },
                cancellationToken);

    /// <summary>Extends the lease of the rows this worker holds; 0 means it lost them.</summary>
    public static Task<int> RenewAsync<T>(IQueryable<T> rows, Worker worker, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class, ILeased =>
        rows.Where(r => r.ClaimedBy == worker.Name).ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, now + worker.LeaseDuration), cancellationToken);

    /// <summary>Gives back the rows this worker holds, for another to take at once, setting <paramref name="also"/> in the same update.</summary>
    public static Task<int> ReleaseAsync<T>(IQueryable<T> rows, Worker worker, CancellationToken cancellationToken, Action<UpdateSettersBuilder<T>>? also = null)
        where T : class, ILeased =>
        rows.Where(r => r.ClaimedBy == worker.Name).ExecuteUpdateAsync(
            s =>
            {
                s.SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null);
                also?.Invoke(s);
            },
            cancellationToken);
}
