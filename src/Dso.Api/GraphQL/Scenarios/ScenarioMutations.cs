using Dso.Api.GraphQL.Common;
using Dso.Domain.Scenarios;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Scenarios;

/// <summary>Mutations of the scenarios feature (administrators only).</summary>
public static class ScenarioMutations
{
    private static readonly (Func<Dso.Domain.Users.Principal, bool>, string) Admins = (Access.Admin, "manage scenarios");

    public static void Register(ObjectGraphType mutation)
    {
        MutationFields.Add<CreateScenarioInputGraphType, ScenarioPayloadGraphType, Scenario>(mutation, "createScenario",
            "Creates a scenario; isDefault takes that role from the previous default.", Admins,
            (ctx, input) => ctx.Service<CreateScenario>().ExecuteAsync(Values(input), ctx.CancellationToken));
        MutationFields.Add<UpdateScenarioInputGraphType, ScenarioPayloadGraphType, Scenario>(mutation, "updateScenario",
            "Changes a scenario; new steps make a new version.", Admins,
            (ctx, input) => MutationFields.WithId("Scenario", input, id => ctx.Service<UpdateScenario>().ExecuteAsync(id, Values(input), ctx.CancellationToken)));
        MutationFields.Add<ArchiveScenarioInputGraphType, ScenarioPayloadGraphType, Scenario>(mutation, "archiveScenario",
            "Retires a scenario; its clients fall back to the default.", Admins,
            (ctx, input) => MutationFields.WithId("Scenario", input, id => ctx.Service<ArchiveScenario>().ExecuteAsync(id, ctx.CancellationToken)));
    }

    private static ScenarioInput Values(IDictionary<string, object?> input) => new(
        input.Value<string>("name"),
        input.Value<bool?>("isDefault"),
        input.TryGetValue("steps", out var steps) && steps is not null ? input.Items("steps").Select(ScenarioStepInputGraphType.From).ToList() : null);
}
