using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Actions;
using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Dso.Domain.Scenarios;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.GraphQL.Scenarios;

/// <summary>Mutations of the scenarios feature (administrators only).</summary>
public static class ScenarioMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        MutationFields.Add<CreateScenarioInputGraphType, ScenarioPayloadGraphType, Scenario>(mutation, "createScenario",
            "Creates a scenario; isDefault takes that role from the previous default.", Policies.Admin,
            (ctx, input) => ctx.Service<CreateScenario>().ExecuteAsync(Values(input), ctx.CancellationToken));
        MutationFields.Add<UpdateScenarioInputGraphType, ScenarioPayloadGraphType, Scenario>(mutation, "updateScenario",
            "Changes a scenario; new steps make a new version.", Policies.Admin,
            (ctx, input) => MutationFields.WithId("Scenario", input, id => ctx.Service<UpdateScenario>().ExecuteAsync(id, Values(input), ctx.CancellationToken)));
        MutationFields.Add<ArchiveScenarioInputGraphType, ScenarioPayloadGraphType, Scenario>(mutation, "archiveScenario",
            "Retires a scenario; its clients fall back to the default.", Policies.Admin,
            (ctx, input) => MutationFields.WithId("Scenario", input, id => ctx.Service<ArchiveScenario>().ExecuteAsync(id, ctx.CancellationToken)));
        MutationFields.Add<AssignScenarioInputGraphType, AssignScenarioPayloadGraphType, IReadOnlyList<Client>>(mutation, "assignScenario",
            "Makes clients follow a scenario instead of the default.", Policies.Write,
            (ctx, input) => ctx.Service<AssignScenario>().ExecuteAsync(
                input.Items<string>("clientIds").Select(id => GlobalId.DecodeAs("Client", id)).ToList(),
                GlobalId.DecodeAs("Scenario", input.Value<string>("scenarioId")), ctx.CancellationToken));
        MutationFields.Add<RunScenariosInputGraphType, RunScenariosPayloadGraphType, IReadOnlyList<CollectionAction>>(mutation, "runScenarios",
            "Runs the scenarios now for a date (the morning job does it every day at 06:00); running a date again creates nothing.", Policies.Admin,
            async (ctx, input) =>
            {
                var run = await ctx.Service<RunScenarios>().ExecuteAsync(input.Value<DateOnly?>("date"), ctx.CancellationToken);
                if (!run.Succeeded)
                {
                    return Outcomes.Failure<IReadOnlyList<CollectionAction>>(run.Errors);
                }

                var ids = run.Value!.PlannedActionIds;
                return Outcomes.Success<IReadOnlyList<CollectionAction>>(
                    await ctx.Service<ListActions>().ExecuteAsync(ids, ctx.CancellationToken));
            });
    }

    private static ScenarioInput Values(IDictionary<string, object?> input) => new(
        input.Value<string>("name"),
        input.Value<bool?>("isDefault"),
        input.TryGetValue("steps", out var steps) && steps is not null ? input.Items("steps").Select(ScenarioStepInputGraphType.From).ToList() : null,
        input.Value<decimal?>("tolerance"));
}
