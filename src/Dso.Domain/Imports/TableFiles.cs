namespace Dso.Domain.Imports;

/// <summary>Opens a stored upload with the reader its extension calls for.</summary>
public static class TableFiles
{
    public static readonly string[] Extensions = [".csv", ".txt", ".xlsx"];

    public static bool IsXlsx(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static async Task<ITableReader> OpenAsync(string path, ImportMapping mapping, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        if (stream.Length == 0)
        {
            await stream.DisposeAsync();
            throw new UnreadableRowException(1, "The file is empty.");
        }

        return IsXlsx(path) ? XlsxTableReader.Open(stream) : await CsvTableReader.OpenAsync(stream, mapping, cancellationToken);
    }
}
