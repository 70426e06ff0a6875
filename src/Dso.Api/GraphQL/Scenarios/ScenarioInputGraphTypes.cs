using Dso.Api.GraphQL.Common;
using Dso.Domain.Scenarios;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Scenarios;

/// <summary>A step of a scenario input.</summary>
public sealed class ScenarioStepInputGraphType : InputObjectGraphType
{
    public ScenarioStepInputGraphType()
    {
        Name = "ScenarioStepInput";
        Field<NonNullGraphType<IntGraphType>>("offsetDays");
        Field<NonNullGraphType<EnumerationGraphType<Channel>>>("channel");
        Field<IdGraphType>("templateId");
        Field<DecimalScalar>("minOverdueAmount");
        Field<BooleanGraphType>("autoSend").DefaultValue(false);
    }

    public static ScenarioStepValues From(IDictionary<string, object?> input) => new(
        input.Value<int>("offsetDays"),
        (Channel)input["channel"]!,
        input.TryGetValue("templateId", out var template) && template is not null ? GlobalId.DecodeAs("Template", template as string) ?? -1 : null,
        input.Value<decimal?>("minOverdueAmount"),
        input.Value<bool?>("autoSend") ?? false);
}

/// <summary>The input of createScenario.</summary>
public sealed class CreateScenarioInputGraphType : InputObjectGraphType
{
    public CreateScenarioInputGraphType()
    {
        Name = "CreateScenarioInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<BooleanGraphType>("isDefault").DefaultValue(false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScenarioStepInputGraphType>>>>("steps");
        Field<DecimalScalar>("tolerance").Description("Pieces owing less stay out of the scenario (default 0).");
    }
}

/// <summary>The input of updateScenario: null members stay as they are; new steps make a new version.</summary>
public sealed class UpdateScenarioInputGraphType : InputObjectGraphType
{
    public UpdateScenarioInputGraphType()
    {
        Name = "UpdateScenarioInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("name");
        Field<BooleanGraphType>("isDefault");
        Field<ListGraphType<NonNullGraphType<ScenarioStepInputGraphType>>>("steps");
        Field<DecimalScalar>("tolerance");
    }
}

/// <summary>The input of archiveScenario.</summary>
public sealed class ArchiveScenarioInputGraphType() : IdInputGraphType("ArchiveScenarioInput");

/// <summary>The payload of the scenario mutations.</summary>
public sealed class ScenarioPayloadGraphType() : PayloadGraphType<ScenarioGraphType, Scenario>("ScenarioPayload", "scenario");

/// <summary>The input of assignScenario.</summary>
public sealed class AssignScenarioInputGraphType : InputObjectGraphType
{
    public AssignScenarioInputGraphType()
    {
        Name = "AssignScenarioInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("clientIds");
        Field<NonNullGraphType<IdGraphType>>("scenarioId");
    }
}

/// <summary>The clients now following the scenario.</summary>
public sealed class AssignScenarioPayloadGraphType()
    : PayloadGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<Clients.ClientGraphType>>>, IReadOnlyList<Dso.Domain.Clients.Client>>(
        "AssignScenarioPayload", "clients", Array.Empty<Dso.Domain.Clients.Client>());

/// <summary>The input of runScenarios.</summary>
public sealed class RunScenariosInputGraphType : InputObjectGraphType
{
    public RunScenariosInputGraphType()
    {
        Name = "RunScenariosInput";
        Field<DateScalar>("date").Description("The run date (default today in the organization's time zone); not in the future.");
    }
}

/// <summary>The actions a run planned.</summary>
public sealed class RunScenariosPayloadGraphType()
    : PayloadGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<Actions.ActionGraphType>>>, IReadOnlyList<Dso.Domain.Actions.CollectionAction>>(
        "RunScenariosPayload", "actions", Array.Empty<Dso.Domain.Actions.CollectionAction>());
