using Dso.Domain.Common;
using Dso.Domain.Imports;

namespace Dso.Api.Jobs;

/// <summary>
/// Runs import jobs one at a time: claims the next one with a lease (<see cref="ClaimImport"/>: a queued job, or
/// one whose worker died) and runs it. The jobs live in the database; the signal only wakes it early.
/// </summary>
public sealed partial class ImportWorker(IServiceScopeFactory scopes, ImportSignal signal, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        WorkLoop.RunAsync(RunNextAsync, signal, message => LogLeaseLost(logger, message), e => LogFailure(logger, e), stoppingToken);

    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        ClaimedImport? claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<ClaimImport>().ExecuteAsync(null, cancellationToken);
        }

        if (claimed is null)
        {
            return false;
        }

        if (claimed.TakenOver)
        {
            LogTakenOver(logger, claimed.JobId);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Enter(claimed.OrganizationId);
            var job = await scope.ServiceProvider.GetRequiredService<RunImport>().ExecuteAsync(claimed.JobId, null, cancellationToken);
            LogFinished(logger, job.Id, job.State, job.RowsImported, job.ErrorCount);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} ended {State}: {Rows} rows imported, {Errors} errors.")]
    private static partial void LogFinished(ILogger logger, long jobId, ImportJobState state, int rows, int errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} was taken over: the worker running it stopped renewing its lease.")]
    private static partial void LogTakenOver(ILogger logger, long jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message} This worker stopped it.")]
    private static partial void LogLeaseLost(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "The import worker failed; it goes on with the next job.")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
