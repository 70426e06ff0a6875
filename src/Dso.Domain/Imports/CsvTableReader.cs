using Sylvan.Data.Csv;

namespace Dso.Domain.Imports;

/// <summary>CSV through Sylvan.Data.Csv: streaming, any delimiter, quoted cells; a BOM overrides the mapping's encoding.</summary>
public sealed class CsvTableReader : ITableReader
{
    /// <summary>The longest row accepted; a longer one (a 50 MB line) is an error, not an out-of-memory.</summary>
    public const int MaxRowChars = 1 << 20;

    private readonly CsvDataReader reader;

    private CsvTableReader(CsvDataReader reader) => this.reader = reader;

    public IReadOnlyList<string> Headers { get; private init; } = [];

    // Sylvan numbers data rows from 1; the file's header is line 1.
    public int Line => reader.RowNumber + 1;

    public static async Task<CsvTableReader> OpenAsync(Stream stream, ImportMapping mapping, CancellationToken cancellationToken)
    {
        var text = new StreamReader(stream, mapping.Encoding, detectEncodingFromByteOrderMarks: true);
        var options = new CsvDataReaderOptions
        {
            Delimiter = mapping.Delimiter,
            HasHeaders = true,
            BufferSize = 64 * 1024,
            MaxBufferSize = MaxRowChars,
            HeaderComparer = StringComparer.OrdinalIgnoreCase,
        };
        try
        {
            var reader = await CsvDataReader.CreateAsync(text, options, cancellationToken);
            return new CsvTableReader(reader) { Headers = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToList() };
        }
        catch (CsvRecordTooLargeException)
        {
            throw new UnreadableRowException(1, $"The header line is longer than {MaxRowChars} characters.");
        }
    }

    public async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (CsvRecordTooLargeException)
        {
            throw new UnreadableRowException(reader.RowNumber + 2, $"The line is longer than {MaxRowChars} characters.");
        }
    }

    public string Cell(int column) => column < reader.RowFieldCount ? reader.GetString(column) : "";

    public void Dispose() => reader.Dispose();
}
