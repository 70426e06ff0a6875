using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dso.Domain.Events;

/// <summary>
/// Removes the events older than the retention period (<c>Dso:Events:Retention</c>) that every processor has
/// handled (one that has not started yet has handled none); returns how many it removed.
/// </summary>
public sealed class PruneEvents(DsoDbContext db, IEnumerable<IEventProcessor> processors, IOptions<DomainOptions> options, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.EventRetention;
        var names = processors.Select(p => p.Name).ToList();
        var positions = await db.EventConsumers.Where(c => names.Contains(c.Name)).Select(c => c.Position).ToListAsync(cancellationToken);
        var handled = positions.Count < names.Count ? 0 : positions.DefaultIfEmpty(long.MaxValue).Min();
        return await db.Events.IgnoreQueryFilters().Where(e => e.At < before && e.Id <= handled).ExecuteDeleteAsync(cancellationToken);
    }
}
