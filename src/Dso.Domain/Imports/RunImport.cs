using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dso.Domain.Imports;

/// <summary>
/// Runs an import job this worker has claimed (<see cref="ClaimImport"/>), renewing its lease as it goes: reads
/// the file (a <see cref="FileRecords"/> source) once, checking every record and writing the good ones in batches
/// through the <see cref="ImportPipeline"/> inside one transaction, then (FULL) settles the open pieces of the source
/// that the file no longer lists, and commits the job's final state with the data, removing its file. A file that
/// cannot be imported (a problem under <c>rejectFileOnErrors</c>, a wrong header, no rows) rolls back: nothing of it is
/// written. Memory stays bounded whatever the file size.
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
        try
        {
            var mapping = ImportMappingParser.Parse(job.MappingJson).Value ?? throw new InvalidOperationException("The job's mapping is invalid.");
            var records = new FileRecords(ct => OpenAsync(job, mapping, ct), mapping, job.AsOf!.Value, job.IsXlsx);
            var context = new ImportContext(job, mapping, records, organization.MainCurrency, organization.Settings.RejectFileOnErrors, lease);
            return await ImportAsync(context, progress, cancellationToken);
        }
        catch (UnreadableRowException e)
        {
            return await FailAsync(job.Id, 0, [new RowIssue(e.Line, null, e.Message)], e.Message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not LeaseLostException)
        {
            // The transaction rolled back: record why, then let the caller log the exception.
            await FailAsync(job.Id, 0, [], "The import failed unexpectedly; nothing was imported.", CancellationToken.None);
            throw;
        }
    }

    // One read of the file: each batch is checked, and its good records written, in one transaction that commits only
    // when the file can be imported (its header is right, it has rows, and it has no problem if the organization
    // rejects files with errors). Once such a file has a problem, the rest is only checked, to report every problem.
    private async Task<ImportJob> ImportAsync(ImportContext context, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var checker = await RecordChecker.CreateAsync(db, context.MainCurrency, context.ImportDate, cancellationToken);
        var issues = new List<RowIssue>();
        var imported = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var pipeline = new ImportPipeline(db, context.Job.OrganizationId, context.Job.Source, context.MainCurrency, context.ImportDate, clock);
        await foreach (var batch in context.Records.ReadAsync(BatchSize, cancellationToken))
        {
            issues.AddRange(batch.Refused);
            var refused = batch.Refused.Select(i => i.Line).ToHashSet();
            var good = batch.Rows.Where(row => checker.Check(row, context.Records.Column, issues) && !refused.Contains(row.Line)).ToList();
            if (issues.Count == 0 || !context.RejectOnErrors)
            {
                await pipeline.WriteAsync(good, cancellationToken);
                imported += good.Count;
            }

            progress?.Report(new ImportProgress("writing", context.Records.RowsRead, issues.Count));
            // Inside the transaction: while it is open, no other worker can take the job over.
            await context.Lease.KeepAsync(cancellationToken);
        }

        var rows = context.Records.RowsRead;
        if (context.Records.HeaderIssues.Count > 0 || (issues.Count > 0 && context.RejectOnErrors) || rows == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var found = context.Records.HeaderIssues.Count > 0 ? context.Records.HeaderIssues : issues;
            return await FailAsync(context.Job.Id, rows, found, rows == 0 && found.Count == 0 ? "The file has no rows." : $"{found.Count} problem(s) found; nothing was imported.", cancellationToken);
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
