using Coravel.Invocable;
using Dso.Domain.Connections;

namespace Dso.Api.Jobs;

/// <summary>Coravel invokes it every minute: the connections whose scheduled time has come get a run (<see cref="ScheduleSyncs"/>), and the sync workers are woken.</summary>
public sealed class SyncScheduleJob(IServiceScopeFactory scopes, SyncSignal signal) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<ScheduleSyncs>().ExecuteAsync(CancellationToken) > 0)
        {
            signal.Raise();
        }
    }
}
