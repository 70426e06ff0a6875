using System.Globalization;
using MiniExcelLibs;

namespace Dso.Domain.Imports;

/// <summary>
/// XLSX through MiniExcel (streaming), first sheet, first row as headers. Numbers and dates come as
/// typed cells and are turned into invariant text ('.' decimals, ISO dates), so the mapping's text options do not apply.
/// </summary>
public sealed class XlsxTableReader : ITableReader
{
    private readonly IEnumerator<IDictionary<string, object?>> rows;
    private readonly string[] keys;
    private IDictionary<string, object?>? current;

    private XlsxTableReader(IEnumerator<IDictionary<string, object?>> rows, IReadOnlyList<string> headers, string[] keys)
    {
        this.rows = rows;
        Headers = headers;
        this.keys = keys;
    }

    public IReadOnlyList<string> Headers { get; }

    public int Line { get; private set; } = 1;

    public static XlsxTableReader Open(Stream stream)
    {
        try
        {
            var rows = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!rows.MoveNext())
            {
                throw new UnreadableRowException(1, "The sheet is empty: a header row is expected.");
            }

            var keys = rows.Current.Keys.ToArray();
            var headers = keys.Select(k => Text(rows.Current[k]).Trim()).ToList();
            return new XlsxTableReader(rows, headers, keys);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException)
        {
            throw new UnreadableRowException(1, "The file is not a readable XLSX workbook.");
        }
    }

    public Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var more = rows.MoveNext();
        current = more ? rows.Current : null;
        Line++;
        return Task.FromResult(more);
    }

    public string Cell(int column) => current is not null && column < keys.Length && current.TryGetValue(keys[column], out var value) ? Text(value) : "";

    public void Dispose() => rows.Dispose();

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime date => DateOnly.FromDateTime(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => ((decimal)number).ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
