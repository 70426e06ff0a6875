using System.Globalization;
using Dso.Domain.Reports;
using Microsoft.Data.Sqlite;

namespace Dso.Bench;

/// <summary>
/// The reports as a developer would write them by hand in SQLite's SQL over Dso's tables (one currency,
/// as in the benchmark data): the yardstick the EF-composed queries are measured against.
/// </summary>
internal static class HandWritten
{
    private const string Receivable = "('Invoice', 'DebitNote', 'CreditNote', 'Misc', 'BillOfExchange')";

    public static async Task<string> AgedBalanceAsync(SqliteConnection connection, long organization, DateOnly asOf)
    {
        await using var command = Command(connection, organization, asOf, $"""
            WITH balances AS (
              SELECT p.Type, p.Amount, p.DueDate,
                     CASE WHEN p.BalanceDate <= $d THEN p.OpenAmount
                          WHEN p.HistoryStart > $d THEN p.Amount
                          ELSE (SELECT e.OpenAmount FROM BalanceEvents e WHERE e.PieceId = p.Id AND e.Date <= $d ORDER BY e.Date DESC LIMIT 1) END AS open
              FROM Pieces p
              WHERE p.OrganizationId = $org AND p.Type IN {Receivable} AND p.IssueDate <= $d AND (p.SettledOn IS NULL OR p.SettledOn > $d))
            SELECT CASE WHEN Type = 'CreditNote' OR (Type = 'Misc' AND Amount < 0) THEN 5
                        WHEN DueDate >= $d THEN 0 WHEN DueDate >= $d30 THEN 1 WHEN DueDate >= $d60 THEN 2 WHEN DueDate >= $d90 THEN 3 ELSE 4 END AS bucket,
                   SUM(open), SUM(open <> 0)
            FROM balances GROUP BY bucket
            """);
        foreach (var days in new[] { 30, 60, 90 })
        {
            command.Parameters.AddWithValue("$d" + days.ToString(CultureInfo.InvariantCulture), Date(asOf.AddDays(-days)));
        }

        var buckets = new (decimal Amount, long Count)[6];
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                buckets[reader.GetInt32(0)] = (Money(reader.GetInt64(1)), reader.GetInt64(2));
            }
        }

        var total = buckets.Sum(b => b.Amount);
        var overdue = buckets.Skip(1).Take(4).Sum(b => b.Amount);
        return string.Join(' ', [Format(total), Format(overdue), .. buckets.Select(b => $"{Format(b.Amount)}/{b.Count}")]);
    }

    public static async Task<string> DsoAsync(SqliteConnection connection, long organization, DateOnly asOf)
    {
        var changes = new SortedDictionary<DateOnly, decimal>();
        await using (var command = Command(connection, organization, asOf, $"""
            SELECT d, SUM(amount) FROM (
              SELECT Date AS d, Change AS amount FROM BalanceEvents
              WHERE OrganizationId = $org AND Date <= $d AND Receivable
              UNION ALL
              SELECT IssueDate, Amount FROM Pieces
              WHERE OrganizationId = $org AND Type IN {Receivable} AND HistoryStart > IssueDate AND IssueDate <= $d
              UNION ALL
              SELECT HistoryStart, -Amount FROM Pieces
              WHERE OrganizationId = $org AND Type IN {Receivable} AND HistoryStart > IssueDate AND HistoryStart <= $d)
            GROUP BY d
            """))
        {
            await ReadAsync(command, changes);
        }

        var sales = new SortedDictionary<DateOnly, decimal>();
        await using (var command = Command(connection, organization, asOf, """
            SELECT IssueDate, SUM(Amount) FROM Pieces
            WHERE OrganizationId = $org AND Type IN ('Invoice', 'DebitNote', 'CreditNote') AND IssueDate <= $d
            GROUP BY IssueDate
            """))
        {
            await ReadAsync(command, sales);
        }

        var dso = new DaysSalesOutstanding(sales);
        var monthEnd = new DateOnly(asOf.Year, asOf.Month, 1).AddDays(-1);
        var history = Enumerable.Range(0, 12).Select(i => new DateOnly(monthEnd.Year, monthEnd.Month, 1).AddMonths(-i)).Select(m => m.AddMonths(1).AddDays(-1)).Reverse();
        if (asOf.AddDays(1).Day == 1)
        {
            history = history.Skip(1).Append(asOf);
        }

        decimal Owed(DateOnly date) => changes.Where(c => c.Key <= date).Sum(c => c.Value);
        return string.Join(' ', [Days(dso.Compute(DsoMethod.Countback, Owed(asOf), asOf)), .. history.Select(m => Days(dso.Compute(DsoMethod.Countback, Owed(m), m)))]);
    }

    private static SqliteCommand Command(SqliteConnection connection, long organization, DateOnly asOf, string sql)
    {
        var command = new SqliteCommand(sql, connection);
        command.Parameters.AddWithValue("$org", organization);
        command.Parameters.AddWithValue("$d", Date(asOf));
        return command;
    }

    private static async Task ReadAsync(SqliteCommand command, SortedDictionary<DateOnly, decimal> into)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            into[DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture)] = Money(reader.GetInt64(1));
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Money(long stored) => stored / 10_000m;

    private static string Format(decimal amount) => amount.ToString("F2", CultureInfo.InvariantCulture);

    private static string Days(decimal days) => days.ToString("F1", CultureInfo.InvariantCulture);
}
