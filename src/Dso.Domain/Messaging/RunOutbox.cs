using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Messaging;

/// <summary>One turn of the outbox: each organization's due automatic actions queued (<see cref="QueueMessages"/>), then what is queued sent (<see cref="DispatchMessages"/>).</summary>
public sealed class RunOutbox(DsoDbContext db, IServiceScopeFactory scopes, DispatchMessages dispatch)
{
    public async Task<(int Queued, DispatchResult Dispatched)> ExecuteAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var organizationId in await db.Organizations.IgnoreQueryFilters().Select(o => o.Id).ToListAsync(cancellationToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Tenant>().Enter(organizationId);
            queued += await scope.ServiceProvider.GetRequiredService<QueueMessages>().ExecuteAsync(cancellationToken);
        }

        return (queued, await dispatch.ExecuteAsync(cancellationToken));
    }
}
