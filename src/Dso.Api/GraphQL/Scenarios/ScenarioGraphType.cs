using Dso.Api.GraphQL.Common;
using Dso.Domain.Scenarios;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Scenarios;

/// <summary>A dunning scenario: steps placed relative to due dates.</summary>
public sealed class ScenarioGraphType : ObjectGraphType<Scenario>
{
    public ScenarioGraphType()
    {
        Name = "Scenario";
        this.NodeId();
        Field(s => s.Name);
        Field(s => s.IsDefault).Description("Followed by every client without a scenario of its own.");
        Field(s => s.Version).Description("Incremented on every change of steps.");
        Field(s => s.Archived);
        Field<NonNullGraphType<DecimalScalar>>("tolerance").Description("Pieces owing less stay out of the scenario.").Resolve(ctx => ctx.Source.Tolerance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScenarioStepGraphType>>>>("steps")
            .Description("In offset order.")
            .Resolve(ctx => ctx.Source.Steps.OrderBy(s => s.OffsetDays).ThenBy(s => s.Id));
    }
}
