using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dso.Domain.Imports;

/// <summary>
/// Runs an import job this worker has claimed (<see cref="ClaimImport"/>), renewing its lease as it goes: reads
/// the file (a <see cref="FileRecords"/> source) once to check every record (nothing is written while one is invalid
/// under <c>rejectFileOnErrors</c>), then reads it again and writes in batches inside one transaction through the
/// <see cref="ImportPipeline"/>, then (FULL) settles the open pieces of the source that the file no longer lists, and
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
            var records = new FileRecords(ct => OpenAsync(job, mapping, ct), mapping, job.AsOf!.Value, job.IsXlsx);
            var context = new ImportContext(job, mapping, records, organization.MainCurrency, organization.Settings.RejectFileOnErrors, lease);
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
        var checker = await RecordChecker.CreateAsync(db, context.MainCurrency, context.ImportDate, cancellationToken);
        var (issues, badLines) = await context.Records.CheckAsync(
            checker,
            async (rows, found) =>
            {
                progress?.Report(new ImportProgress("validating", rows, found));
                await context.Lease.KeepAsync(cancellationToken);
            },
            cancellationToken);
        progress?.Report(new ImportProgress("validated", context.Records.RowsRead, issues.Count));
        return (issues, context.Records.RowsRead, badLines);
    }

    private async Task<ImportJob> WriteAsync(ImportContext context, int rows, List<RowIssue> issues, HashSet<int> badLines, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var pipeline = new ImportPipeline(db, context.Job.OrganizationId, context.Job.Source, context.MainCurrency, context.ImportDate, clock);
        var imported = 0;
        await foreach (var batch in context.Records.ReadAsync(BatchSize, cancellationToken))
        {
            var good = batch.Rows.Where(r => !badLines.Contains(r.Line)).ToList();
            await pipeline.WriteAsync(good, cancellationToken);
            imported += good.Count;
            progress?.Report(new ImportProgress("writing", imported, 0));
            // Inside the transaction: while it is open, no other worker can take the job over.
            await context.Lease.KeepAsync(cancellationToken);
        }

        if (context.Job.Mode == ImportMode.Full && context.Mapping.Kind == ImportKind.Pieces)
        {
            await pipeline.SettleMissingAsync(pipeline.SeenPieces, cancellationToken);
        }

        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == context.Job.Id, cancellationToken);
        job.Progress(rows, imported, issues.Count);
        job.Succeed(pipeline.ClientsWritten, pipeline.PiecesWritten, pipeline.PiecesClosed, clock.GetUtcNow());
        SaveIssues(job, issues);
        await db.SaveChangesAsync(cancellationToken);
        await ImportFiles.DeleteAsync(db, job.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return job;
    }

    private async Task<ITableReader> OpenAsync(ImportJob job, ImportMapping mapping, CancellationToken cancellationToken) =>
        await TableFiles.OpenAsync(await ImportFiles.OpenAsync(db, job.Id, cancellationToken), job.IsXlsx, mapping, options.Value.Xlsx, cancellationToken);

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

    private sealed record ImportContext(ImportJob Job, ImportMapping Mapping, FileRecords Records, string MainCurrency, bool RejectOnErrors, Lease Lease)
    {
        public DateOnly ImportDate => Job.AsOf!.Value;
    }
}
