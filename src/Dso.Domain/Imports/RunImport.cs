using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Dso.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dso.Domain.Imports;

/// <summary>
/// Runs an import job this worker has claimed (<see cref="ClaimImport"/>), renewing its lease as it goes: reads
/// the whole file once to validate every row (nothing is written while one is invalid under
/// <c>rejectFileOnErrors</c>), then reads it again and writes in batches inside one transaction through the same
/// writers as the API, then (FULL) settles the open pieces of the source that the file no longer lists, and
/// commits the job's final state with the data, removing its file. Memory stays bounded whatever the file size.
/// Stopped (cancelled), it gives the job back to the queue; a worker that dies leaves it to be taken over once
/// its lease lapses. Either way its transaction rolled back, so running it again is safe.
/// </summary>
public sealed class RunImport(DsoDbContext db, Worker worker, IOptions<DomainOptions> options, TimeProvider clock)
{
    public const int BatchSize = 2000;
    public const int MaxStoredErrors = 10_000;

    public async Task<ImportJob> ExecuteAsync(long jobId, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(jobId, progress, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ClaimImport.GiveBackAsync(db, jobId, worker);
            throw;
        }
    }

    private async Task<ImportJob> RunAsync(long jobId, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == jobId, cancellationToken);
        var what = $"import job {jobId}";
        if (job.ClaimedBy != worker.Name || job.State != ImportJobState.Running)
        {
            throw new LeaseLostException(what);
        }

        if (job.Interruptions >= ClaimImport.MaxInterruptions)
        {
            return await FailAsync(job.Id, 0, [], $"The import was interrupted {job.Interruptions} times (its process stopped while it ran); nothing was imported.", cancellationToken);
        }

        var lease = new Lease(worker, clock, (now, ct) => Leases.RenewAsync(db.Set<ImportJob>().Where(j => j.Id == jobId), worker, now, ct), what);
        var organization = await db.Organizations.SingleAsync(cancellationToken);
        job.Start(clock.GetUtcNow(), organization.Today(clock));
        await db.SaveChangesAsync(cancellationToken);
        var rows = 0;
        try
        {
            var mapping = ImportMappingParser.Parse(job.MappingJson).Value ?? throw new InvalidOperationException("The job's mapping is invalid.");
            var context = new ImportContext(job, mapping, job.AsOf!.Value, organization.MainCurrency, organization.Settings.RejectFileOnErrors, lease);
            (var issues, rows, var badLines) = await ValidateAsync(context, progress, cancellationToken);
            if (issues.Count > 0 && (context.RejectOnErrors || issues.Any(i => i.Line <= 1)) || rows == 0)
            {
                return await FailAsync(job.Id, rows, issues, rows == 0 && issues.Count == 0 ? "The file has no rows." : $"{issues.Count} problem(s) found; nothing was imported.", cancellationToken);
            }

            return await WriteAsync(context, rows, issues, badLines, progress, cancellationToken);
        }
        catch (UnreadableRowException e)
        {
            return await FailAsync(job.Id, rows, [new RowIssue(e.Line, null, e.Message)], e.Message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not LeaseLostException)
        {
            // The transaction rolled back: record why, then let the caller log the exception.
            await FailAsync(job.Id, rows, [], "The import failed unexpectedly; nothing was imported.", CancellationToken.None);
            throw;
        }
    }

    private async Task<(List<RowIssue> Issues, int Rows, HashSet<int> BadLines)> ValidateAsync(ImportContext context, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var issues = new List<RowIssue>();
        var badLines = new HashSet<int>();
        var known = await db.Clients.AsNoTracking().Select(c => new { c.Code, c.Currency }).ToDictionaryAsync(c => c.Code, c => c.Currency, StringComparer.Ordinal, cancellationToken);
        var seen = new Dictionary<(PieceType, string), int>();
        using var reader = await OpenAsync(context, cancellationToken);
        var normalizer = new RowNormalizer(context.Mapping, reader.Headers, context.ImportDate, context.Job.IsXlsx);
        if (normalizer.HeaderIssues.Count > 0)
        {
            return (normalizer.HeaderIssues, 0, badLines);
        }

        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
            var before = issues.Count;
            if (normalizer.Read(reader, issues) is { } row)
            {
                Check(row, normalizer, known, context.MainCurrency, seen, context.ImportDate, issues);
            }

            if (issues.Count > before)
            {
                badLines.Add(reader.Line);
            }

            if (rows % 10_000 == 0)
            {
                progress?.Report(new ImportProgress("validating", rows, issues.Count));
                await context.Lease.KeepAsync(cancellationToken);
            }
        }

        progress?.Report(new ImportProgress("validated", rows, issues.Count));
        return (issues, rows, badLines);
    }

    // The same checks as the API's upserts, reported against the file's columns.
    private static void Check(ImportRow row, RowNormalizer normalizer, Dictionary<string, string> known, string organizationCurrency,
        Dictionary<(PieceType, string), int> seen, DateOnly importDate, List<RowIssue> issues)
    {
        var errors = new List<UserError>();
        var currency = known.GetValueOrDefault(row.Client?.Code ?? row.Piece?.ClientCode ?? "");
        if (row.Client is { } client && ClientValidation.Validate(client, new FieldPath("row", row.Line), organizationCurrency, errors) is { } values)
        {
            if (!known.ContainsKey(values.Code))
            {
                known[values.Code] = values.Currency;
            }

            currency ??= values.Currency;
        }

        if (row.Piece is { } piece)
        {
            if (currency is null && row.Client is null)
            {
                issues.Add(new RowIssue(row.Line, normalizer.Column("clientCode"), $"No client with code '{piece.ClientCode}', and the file has no client columns to create it."));
            }
            else if (PieceValidation.Validate(piece, new FieldPath("row", row.Line), 0, currency ?? organizationCurrency, importDate, errors) is { } value &&
                !seen.TryAdd((value.Type, value.Number), row.Line))
            {
                issues.Add(new RowIssue(row.Line, normalizer.Column("number"), $"{value.Type} {value.Number} is already on line {seen[(value.Type, value.Number)]}."));
            }
        }

        // A cell the normalizer already refused (a formula) is reported once.
        var found = errors.Select(e => new RowIssue(row.Line, normalizer.Column(FieldOf(e)), e.Message))
            .Where(issue => !issues.Any(i => i.Line == issue.Line && i.Column == issue.Column)).ToList();
        issues.AddRange(found);
    }

    private static string FieldOf(UserError error) => error.Field[^1] switch
    {
        "code" => "clientCode",
        "name" => "clientName",
        "legalId" => "clientLegalId",
        "vatNumber" => "clientVatNumber",
        "language" => "clientLanguage",
        var field when field.StartsWith("contacts.", StringComparison.Ordinal) => field.EndsWith("language", StringComparison.Ordinal) ? "clientLanguage" : "clientEmail",
        var field => field,
    };

    private async Task<ImportJob> WriteAsync(ImportContext context, int rows, List<RowIssue> issues, HashSet<int> badLines, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var writer = new ImportWriter(db, context.Job.OrganizationId, context.Job.Source, context.MainCurrency, context.ImportDate, clock.GetUtcNow());
        using (var reader = await OpenAsync(context, cancellationToken))
        {
            var normalizer = new RowNormalizer(context.Mapping, reader.Headers, context.ImportDate, context.Job.IsXlsx);
            var batch = new List<ImportRow>(BatchSize);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (badLines.Contains(reader.Line) || normalizer.Read(reader, []) is not { } row)
                {
                    continue;
                }

                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    context.RowsImported += batch.Count;
                    batch.Clear();
                    progress?.Report(new ImportProgress("writing", context.RowsImported, 0));
                    // Inside the transaction: while it is open, no other worker can take the job over.
                    await context.Lease.KeepAsync(cancellationToken);
                }
            }

            await writer.WriteAsync(batch, cancellationToken);
            context.RowsImported += batch.Count;
        }

        (context.ClientsWritten, context.PiecesWritten) = (writer.ClientsWritten, writer.PiecesWritten);
        if (context.Job.Mode == ImportMode.Full && context.Mapping.Kind == ImportKind.Pieces)
        {
            await SettleMissingAsync(context, writer.SeenPieces, cancellationToken);
        }

        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == context.Job.Id, cancellationToken);
        job.Progress(rows, context.RowsImported, issues.Count);
        job.Succeed(context.ClientsWritten, context.PiecesWritten, context.PiecesClosed, clock.GetUtcNow());
        SaveIssues(job, issues);
        await db.SaveChangesAsync(cancellationToken);
        await ImportFiles.DeleteAsync(db, job.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return job;
    }

    private async Task<ITableReader> OpenAsync(ImportContext context, CancellationToken cancellationToken) =>
        await TableFiles.OpenAsync(await ImportFiles.OpenAsync(db, context.Job.Id, cancellationToken), context.Job.IsXlsx, context.Mapping, options.Value.Xlsx, cancellationToken);

    private async Task SettleMissingAsync(ImportContext context, HashSet<long> seenIds, CancellationToken cancellationToken)
    {
        var source = context.Job.Source;
        var open = await db.Pieces.Where(p => p.Source == source && p.OpenAmount != 0).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var chunk in open.Where(id => !seenIds.Contains(id)).Chunk(500))
        {
            var now = clock.GetUtcNow();
            foreach (var piece in await db.Pieces.Include(p => p.BalanceHistory).Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                context.PiecesClosed += piece.Settle(context.ImportDate, now) ? 1 : 0;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    // The final state, its row errors and the removal of the file commit together.
    private async Task<ImportJob> FailAsync(long jobId, int rows, List<RowIssue> issues, string message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == jobId, cancellationToken);
        job.Progress(rows, 0, issues.Count);
        job.Fail(message, clock.GetUtcNow());
        SaveIssues(job, issues);
        await db.SaveChangesAsync(cancellationToken);
        await ImportFiles.DeleteAsync(db, jobId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return job;
    }

    private void SaveIssues(ImportJob job, List<RowIssue> issues) =>
        db.Set<ImportRowError>().AddRange(issues.Take(MaxStoredErrors).Select(i => new ImportRowError(job.OrganizationId, job.Id, i.Line, i.Column, i.Message)));

    private sealed class ImportContext(ImportJob job, ImportMapping mapping, DateOnly importDate, string mainCurrency, bool rejectOnErrors, Lease lease)
    {
        public Lease Lease { get; } = lease;

        public ImportJob Job { get; } = job;

        public ImportMapping Mapping { get; } = mapping;

        public DateOnly ImportDate { get; } = importDate;

        public string MainCurrency { get; } = mainCurrency;

        public bool RejectOnErrors { get; } = rejectOnErrors;

        public int RowsImported { get; set; }

        public int ClientsWritten { get; set; }

        public int PiecesWritten { get; set; }

        public int PiecesClosed { get; set; }
    }
}
