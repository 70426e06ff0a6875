using System.Runtime.CompilerServices;

namespace Dso.Domain.Imports;

/// <summary>
/// A file as a source of the import pipeline: its rows normalised through the mapping, in batches, with the cells it
/// could not read as refused records (line and column header). Each read opens the file anew.
/// </summary>
internal sealed class FileRecords(Func<CancellationToken, Task<ITableReader>> open, ImportMapping mapping, DateOnly importDate, bool typedCells)
{
    /// <summary>What is wrong with the header line (the read then yields nothing).</summary>
    public List<RowIssue> HeaderIssues { get; private set; } = [];

    /// <summary>The data rows of the last read, good or bad.</summary>
    public int RowsRead { get; private set; }

    /// <summary>A record field's column header, for row errors.</summary>
    public string? Column(string field) => mapping.Header(field);

    /// <summary>
    /// Reads the whole file once and checks every record: the issues (those of the header line alone when it is
    /// wrong), and the lines they are on. <paramref name="every10000Rows"/> is called as the reading goes.
    /// </summary>
    public async Task<(List<RowIssue> Issues, HashSet<int> BadLines)> CheckAsync(RecordChecker checker, Func<int, int, Task>? every10000Rows, CancellationToken cancellationToken)
    {
        var issues = new List<RowIssue>();
        await foreach (var batch in ReadAsync(RunImport.BatchSize, cancellationToken))
        {
            issues.AddRange(batch.Refused);
            foreach (var row in batch.Rows)
            {
                checker.Check(row, Column, issues);
            }

            if (RowsRead % 10_000 == 0 && every10000Rows is not null)
            {
                await every10000Rows(RowsRead, issues.Count);
            }
        }

        var found = HeaderIssues.Count > 0 ? HeaderIssues : issues;
        return (found, found.Select(i => i.Line).ToHashSet());
    }

    public async IAsyncEnumerable<RecordBatch> ReadAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = await open(cancellationToken);
        var normalizer = new RowNormalizer(mapping, reader.Headers, importDate, typedCells);
        (HeaderIssues, RowsRead) = (normalizer.HeaderIssues, 0);
        if (HeaderIssues.Count > 0)
        {
            yield break;
        }

        var (rows, refused) = (new List<ImportRow>(batchSize), new List<RowIssue>());
        while (await reader.ReadAsync(cancellationToken))
        {
            RowsRead++;
            if (normalizer.Read(reader, refused) is { } row)
            {
                rows.Add(row);
            }

            if (RowsRead % batchSize == 0)
            {
                yield return new RecordBatch(rows, [], refused, null);
                (rows, refused) = (new List<ImportRow>(batchSize), []);
            }
        }

        yield return new RecordBatch(rows, [], refused, null);
    }
}
