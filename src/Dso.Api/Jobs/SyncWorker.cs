using Dso.Api.Plugins;
using Dso.Domain.Common;
using Dso.Domain.Connections;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.Jobs;

/// <summary>
/// Runs sync runs, two at a time: each loop claims the next run with a lease (<see cref="ClaimSync"/>, which first
/// fails and resumes the runs of dead workers) and runs it through its plug-in. The runs live in the database; the
/// signal only wakes the loops early.
/// </summary>
public sealed partial class SyncWorker(IServiceScopeFactory scopes, SyncSignal signal, ConnectorSessions sessions, ILogger<SyncWorker> logger) : BackgroundService
{
    private const int Loops = 2;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Loops).Select(_ => WorkLoop.RunAsync(RunNextAsync, signal, message => LogLeaseLost(logger, message), e => LogFailure(logger, e), stoppingToken)));

    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        ClaimedSync? claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<ClaimSync>().ExecuteAsync(cancellationToken);
        }

        if (claimed is null)
        {
            return false;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Enter(claimed.OrganizationId);
            var db = scope.ServiceProvider.GetRequiredService<Dso.Domain.Persistence.DsoDbContext>();
            var connection = await db.ErpConnections.AsNoTracking().SingleAsync(c => c.Id == claimed.ConnectionId, cancellationToken);
            var run = await scope.ServiceProvider.GetRequiredService<RunSync>().ExecuteAsync(claimed.RunId, sessions.Source(connection), cancellationToken);
            LogFinished(logger, run.Id, connection.Name, run.State, run.ClientsUpserted, run.PiecesUpserted, run.PiecesClosed, run.Rejected, run.Message);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync run {RunId} of {Connection} ended {State}: {Clients} clients and {Pieces} pieces written, {Closed} closed, {Rejected} rejected. {Message}")]
    private static partial void LogFinished(ILogger logger, long runId, string connection, Dso.Domain.Imports.ImportJobState state, int clients, int pieces, int closed, int rejected, string? message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message} This worker stopped it.")]
    private static partial void LogLeaseLost(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "A sync worker failed; it goes on with the next run.")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
