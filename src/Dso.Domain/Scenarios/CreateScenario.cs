using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Scenarios;

/// <summary>Creates a scenario; making it the default takes that role from the previous default.</summary>
public sealed class CreateScenario(DsoDbContext db)
{
    public async Task<Outcome<Scenario>> ExecuteAsync(ScenarioInput input, CancellationToken cancellationToken)
    {
        var errors = await ScenarioValidation.ValidateAsync(db, null, input, cancellationToken);
        if (input.Name is null)
        {
            errors.Add(UserError.Invalid("name is required.", "name"));
        }

        if (input.Steps is null)
        {
            errors.Add(UserError.Invalid("steps are required.", "steps"));
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<Scenario>(errors);
        }

        var organizationId = await db.Organizations.Select(o => o.Id).SingleAsync(cancellationToken);
        var scenario = new Scenario(organizationId, input.Name!.Trim());
        scenario.ReplaceSteps(input.Steps!, isNew: true);
        scenario.SetTolerance(input.Tolerance ?? 0);
        db.Scenarios.Add(scenario);
        await DefaultScenario.ApplyAsync(db, scenario, input.IsDefault ?? false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(scenario);
    }
}
