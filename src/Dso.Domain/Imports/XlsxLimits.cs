namespace Dso.Domain.Imports;

/// <summary>
/// What an XLSX upload may cost, checked by <see cref="XlsxBounds"/> before the workbook is read. Excel's own limits
/// are fixed; the sizes and the ratio are settings (<see cref="DomainOptions"/>).
/// </summary>
public sealed record XlsxLimits(long MaxDecompressedBytes, int MaxCompressionRatio)
{
    /// <summary>Excel's limit on the characters of a cell.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>Excel's limit on the columns of a sheet.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>Excel's limit on the rows of a sheet.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>The most files a workbook may hold (a workbook has a few dozen; each costs memory to list).</summary>
    public const int MaxEntries = 10_000;

    /// <summary>The longest run of XML between two tags, in bytes: a cell of 32 767 characters, escaped, fits.</summary>
    public const int MaxXmlTokenBytes = 1 << 20;

    /// <summary>Decompressed entries smaller than this are not held to the ratio (small files compress unevenly).</summary>
    public const long RatioFreeBytes = 1 << 20;

    public static readonly XlsxLimits Default = new(2L * 1024 * 1024 * 1024, 100);
}
