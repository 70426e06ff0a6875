using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Scenarios;

/// <summary>Keeps at most one default scenario per organization.</summary>
internal static class DefaultScenario
{
    public static async Task ApplyAsync(DsoDbContext db, Scenario scenario, bool isDefault, CancellationToken cancellationToken)
    {
        if (isDefault)
        {
            foreach (var other in await db.Scenarios.Where(s => s.IsDefault && s.Id != scenario.Id).ToListAsync(cancellationToken))
            {
                other.SetDefault(false);
            }
        }

        scenario.SetDefault(isDefault);
    }
}
