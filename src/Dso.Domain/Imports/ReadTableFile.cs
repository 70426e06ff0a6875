using System.Runtime.CompilerServices;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dso.Domain.Imports;

/// <summary>
/// A CSV or XLSX file on disk read as the file import reads an upload, through one of the organization's saved
/// mappings and dated today: checked whole (header, cells, the import's checks of every record), then read in
/// batches. What connector plug-ins that fetch files (the <c>file</c> connector) use through the host.
/// </summary>
public sealed class ReadTableFile(DsoDbContext db, IOptions<DomainOptions> options, TimeProvider clock)
{
    /// <summary>Every problem of the file; none when the whole of it can be imported. An unknown mapping throws <see cref="MappingNotFoundException"/>.</summary>
    public async Task<IReadOnlyList<RowIssue>> ExecuteAsync(string path, string mappingName, CancellationToken cancellationToken)
    {
        var file = await OpenAsync(path, mappingName, cancellationToken);
        try
        {
            var checker = await RecordChecker.CreateAsync(db, file.Currency, file.Today, cancellationToken);
            var (issues, _) = await file.Records.CheckAsync(checker, null, cancellationToken);
            return file.Records.RowsRead == 0 && issues.Count == 0 ? [new RowIssue(1, null, "The file has no rows.")] : issues;
        }
        catch (UnreadableRowException e)
        {
            return [new RowIssue(e.Line, null, e.Message)];
        }
    }

    /// <summary>The file's records in batches (read <see cref="ExecuteAsync"/> first: records with problems are skipped here).</summary>
    public async IAsyncEnumerable<RecordBatch> ReadAsync(string path, string mappingName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = await OpenAsync(path, mappingName, cancellationToken);
        await foreach (var batch in file.Records.ReadAsync(RunImport.BatchSize, cancellationToken))
        {
            yield return batch with { Refused = [] };
        }
    }

    private async Task<TableFile> OpenAsync(string path, string mappingName, CancellationToken cancellationToken)
    {
        var saved = await db.Set<SavedImportMapping>().AsNoTracking().SingleOrDefaultAsync(m => m.Name == mappingName, cancellationToken);
        if (saved is null || ImportMappingParser.Parse(saved.Json).Value is not { } mapping)
        {
            throw new MappingNotFoundException(mappingName);
        }

        var organization = await db.Organizations.AsNoTracking().SingleAsync(cancellationToken);
        var xlsx = TableFiles.IsXlsx(path);
        var records = new FileRecords(
            ct => TableFiles.OpenAsync(File.OpenRead(path), xlsx, mapping, options.Value.Xlsx, ct), mapping, organization.Today(clock), xlsx);
        return new TableFile(records, organization.MainCurrency, organization.Today(clock));
    }

    private sealed record TableFile(FileRecords Records, string Currency, DateOnly Today);
}

/// <summary>No import mapping is saved under the name a source gave.</summary>
public sealed class MappingNotFoundException(string name) : DsoException("MAPPING_NOT_FOUND", $"No import mapping is saved under the name '{name}'.");
