using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dso.Api.Tests;

/// <summary>Counts the SQL statements EF Core sends (those <see cref="Counts"/> accepts).</summary>
public sealed class StatementCounter : DbCommandInterceptor
{
    private int count;

    public int Count => count;

    /// <summary>Which statements count: the server counts those of HTTP requests, not its background work.</summary>
    public Func<bool> Counts { get; set; } = () => true;

    public void Reset() => Interlocked.Exchange(ref count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Increment();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Increment();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Increment();
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Increment()
    {
        if (Counts())
        {
            Interlocked.Increment(ref count);
        }
    }
}
