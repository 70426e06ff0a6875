using Dso.Domain.Actions;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;

namespace Dso.Domain.Scenarios;

/// <summary>What a scenario run on a date (default today) would create, with no side effect: the planned actions, not the skipped steps.</summary>
public sealed class PreviewScenarios(DsoDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<CollectionAction>> ExecuteAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var run = date ?? organization.Today(clock);
        var plans = ScenarioPlanner.Plan(run, await ScenarioInputsLoader.LoadAsync(db, organization, run, cancellationToken));
        return plans.Where(p => !p.Skipped).Select(p => CollectionAction.FromScenario(organization.Id, p, clock.GetUtcNow())).ToList();
    }
}
