using Dso.Domain.Common;
using Dso.Domain.Imports;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.Jobs;

/// <summary>
/// Runs queued import jobs one at a time, in order. A job is claimed with a conditional update, so two
/// instances never run the same one; jobs left running by a stopped process are queued again at start
/// (their transaction rolled back, so running them again is safe).
/// </summary>
public sealed partial class ImportWorker(IServiceScopeFactory scopes, ImportSignal signal, ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueInterruptedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(stoppingToken))
                {
                    await signal.WaitAsync(Poll, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailure(logger, e);
                await Task.Delay(Poll, stoppingToken);
            }
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        long jobId, organizationId;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
            var next = await db.Set<ImportJob>().IgnoreQueryFilters().Where(j => j.State == ImportJobState.Queued)
                .OrderBy(j => j.Id).Select(j => new { j.Id, j.OrganizationId }).FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                return false;
            }

            var claimed = await db.Set<ImportJob>().IgnoreQueryFilters().Where(j => j.Id == next.Id && j.State == ImportJobState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Running), cancellationToken);
            if (claimed == 0)
            {
                return true;
            }

            (jobId, organizationId) = (next.Id, next.OrganizationId);
        }

        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Enter(organizationId);
            var job = await scope.ServiceProvider.GetRequiredService<RunImport>().ExecuteAsync(jobId, null, cancellationToken);
            LogFinished(logger, job.Id, job.State, job.RowsImported, job.ErrorCount);
        }

        return true;
    }

    private async Task RequeueInterruptedAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DsoDbContext>().Set<ImportJob>().IgnoreQueryFilters()
            .Where(j => j.State == ImportJobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Queued), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} ended {State}: {Rows} rows imported, {Errors} errors.")]
    private static partial void LogFinished(ILogger logger, long jobId, ImportJobState state, int rows, int errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "The import worker failed; it goes on with the next job.")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
