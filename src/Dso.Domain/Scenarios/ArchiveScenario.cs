using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Scenarios;

/// <summary>Retires a scenario: its clients fall back to the default scenario.</summary>
public sealed class ArchiveScenario(DsoDbContext db)
{
    public async Task<Outcome<Scenario>> ExecuteAsync(long id, CancellationToken cancellationToken)
    {
        var scenario = await db.Scenarios.Include(s => s.Steps).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (scenario is null)
        {
            return Outcomes.Failure<Scenario>(UserError.NotFound("No such scenario.", "id"));
        }

        scenario.Archive();
        foreach (var client in await db.Clients.Where(c => c.ScenarioId == id).ToListAsync(cancellationToken))
        {
            client.AssignScenario(null);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(scenario);
    }
}
