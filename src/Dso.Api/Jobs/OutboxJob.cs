using Coravel.Invocable;
using Dso.Domain.Messaging;

namespace Dso.Api.Jobs;

/// <summary>Coravel invokes it every <c>Dso:Messaging:DispatchInterval</c>: one turn of the outbox (<see cref="RunOutbox"/>).</summary>
public sealed partial class OutboxJob(IServiceScopeFactory scopes, ILogger<OutboxJob> logger) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var (queued, dispatched) = await scope.ServiceProvider.GetRequiredService<RunOutbox>().ExecuteAsync(CancellationToken);
            if (queued + dispatched.Sent + dispatched.Retried + dispatched.Failed + dispatched.Interrupted > 0)
            {
                LogTurn(logger, queued, dispatched.Sent, dispatched.Retried, dispatched.Failed, dispatched.Interrupted);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailure(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: {Queued} queued, {Sent} sent, {Retried} to retry, {Failed} failed, {Interrupted} interrupted sends reconciled.")]
    private static partial void LogTurn(ILogger logger, int queued, int sent, int retried, int failed, int interrupted);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox's turn failed; the next one tries again.")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
