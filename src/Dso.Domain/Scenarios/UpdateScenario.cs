using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Scenarios;

/// <summary>Changes a scenario; new steps make a new version, so clients already past a step are not sent it again.</summary>
public sealed class UpdateScenario(DsoDbContext db)
{
    public async Task<Outcome<Scenario>> ExecuteAsync(long id, ScenarioInput input, CancellationToken cancellationToken)
    {
        var scenario = await db.Scenarios.Include(s => s.Steps).FirstOrDefaultAsync(s => s.Id == id && !s.Archived, cancellationToken);
        if (scenario is null)
        {
            return Outcomes.Failure<Scenario>(UserError.NotFound("No such scenario.", "id"));
        }

        scenario.SortSteps();

        var errors = await ScenarioValidation.ValidateAsync(db, id, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcomes.Failure<Scenario>(errors);
        }

        if (input.Name is { } name)
        {
            scenario.Rename(name.Trim());
        }

        if (input.Steps is { } steps && !steps.OrderBy(s => s.OffsetDays).SequenceEqual(scenario.Steps.Select(s => s.Values)))
        {
            scenario.ReplaceSteps(steps, isNew: false);
        }

        if (input.Tolerance is { } tolerance)
        {
            scenario.SetTolerance(tolerance);
        }

        if (input.IsDefault is { } isDefault)
        {
            await DefaultScenario.ApplyAsync(db, scenario, isDefault, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(scenario);
    }
}
