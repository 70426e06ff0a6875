namespace Dso.Domain.Imports;

/// <summary>Opens an upload with the reader its extension calls for.</summary>
public static class TableFiles
{
    public static readonly string[] Extensions = [".csv", ".txt", ".xlsx"];

    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>A reader over the content (which it then owns).</summary>
    public static async Task<ITableReader> OpenAsync(Stream content, bool xlsx, ImportMapping mapping, XlsxLimits limits, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            await content.DisposeAsync();
            throw new UnreadableRowException(1, "The file is empty.");
        }

        if (!xlsx)
        {
            return await CsvTableReader.OpenAsync(content, mapping, cancellationToken);
        }

        try
        {
            XlsxBounds.Check(content, limits);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }

        return XlsxTableReader.Open(content);
    }
}
