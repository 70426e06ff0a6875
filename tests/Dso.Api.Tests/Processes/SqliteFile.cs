using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dso.Api.Tests.Processes;

/// <summary>Plain SQL on a test's database file, beside the server using it (no pooled connection left behind).</summary>
public static class SqliteFile
{
    public static async Task<string> ScalarAsync(string database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }

    public static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<SqliteConnection> OpenAsync(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
