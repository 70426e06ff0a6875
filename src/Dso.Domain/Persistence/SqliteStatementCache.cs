using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dso.Domain.Persistence;

/// <summary>
/// Keeps EF's save statements prepared for the rest of their SQLite transaction. SQLite compiles a statement before
/// running it, and an insert into a table with a dozen indexes takes longer to compile (some 80 µs) than to run: EF sends a new
/// command for every statement of a save, so each would be compiled again. With one statement a command (the SQLite
/// store's batch size is 1), the text of an entity's insert or update repeats; this runs it with the transaction's
/// command of that text, compiled once, with EF's parameters. Only saves are served so (a query's reader may
/// still be open when the same text runs again), within one transaction (every save runs in one: see
/// <see cref="DsoDbContext"/>); at most <see cref="MaxStatements"/> a transaction, the oldest dropped.
/// </summary>
internal sealed class SqliteStatementCache : DbCommandInterceptor
{
    public const int MaxStatements = 64;

    private readonly ConditionalWeakTable<DbTransaction, Statements> transactions = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Prepared(command, eventData) is { } prepared ? InterceptionResult<DbDataReader>.SuppressWithResult(prepared.ExecuteReader()) : result;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        Prepared(command, eventData) is { } prepared ? InterceptionResult<DbDataReader>.SuppressWithResult(await prepared.ExecuteReaderAsync(cancellationToken)) : result;

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Prepared(command, eventData) is { } prepared ? InterceptionResult<int>.SuppressWithResult(prepared.ExecuteNonQuery()) : result;

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        Prepared(command, eventData) is { } prepared ? InterceptionResult<int>.SuppressWithResult(await prepared.ExecuteNonQueryAsync(cancellationToken)) : result;

    // The transaction's compiled command of this text, holding EF's values; null for what is not a save's statement.
    private SqliteCommand? Prepared(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges || command is not SqliteCommand { Connection: { } connection, Transaction: { } transaction } sqlite)
        {
            return null;
        }

        // Kept for one transaction: the connection holds the same database handle until it ends (a closed connection
        // goes back to the pool, and the statements it compiled with it).
        var prepared = transactions.GetValue(transaction, _ => new Statements()).Get(connection, sqlite.CommandText);
        prepared.Transaction = transaction;
        prepared.CommandTimeout = sqlite.CommandTimeout;
        // EF's own parameters, bound as EF set them up (only read while the statement runs).
        prepared.Parameters.Clear();
        foreach (SqliteParameter parameter in sqlite.Parameters)
        {
            prepared.Parameters.Add(parameter);
        }

        return prepared;
    }

    /// <summary>One transaction's compiled commands by text, the most recently used last.</summary>
    private sealed class Statements
    {
        private readonly Dictionary<string, LinkedListNode<SqliteCommand>> byText = new(StringComparer.Ordinal);
        private readonly LinkedList<SqliteCommand> order = new();

        public SqliteCommand Get(SqliteConnection connection, string text)
        {
            if (byText.TryGetValue(text, out var node))
            {
                order.Remove(node);
                order.AddLast(node);
                return node.Value;
            }

            if (byText.Count >= MaxStatements)
            {
                var oldest = order.First!;
                order.RemoveFirst();
                byText.Remove(oldest.Value.CommandText);
                oldest.Value.Dispose();
            }

            var command = connection.CreateCommand();
            command.CommandText = text;
            byText[text] = order.AddLast(command);
            return command;
        }
    }
}
