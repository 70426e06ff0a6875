using Dso.Api.GraphQL.Common;
using Dso.Domain.Common;
using Dso.Domain.Scenarios;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Scenarios;

/// <summary>One step of a scenario.</summary>
public sealed class ScenarioStepGraphType : ObjectGraphType<ScenarioStep>
{
    public ScenarioStepGraphType()
    {
        Name = "ScenarioStep";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("ScenarioStep", ctx.Source.Id));
        Field(s => s.OffsetDays).Description("Relative to the due date: -5 is five days before, 30 thirty days after.");
        Field<NonNullGraphType<EnumerationGraphType<Channel>>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field<Templates.TemplateGraphType>("template").Resolve(ctx => ctx.Source.TemplateId is { } id ? ctx.Loaders().Templates.Load(id) : null);
        Field<MoneyGraphType>("minOverdueAmount")
            .Description("The step is skipped while the client owes less overdue than this (in the organization's main currency).")
            .ResolveAsync(async ctx => ctx.Source.MinOverdueAmount is { } minimum
                ? new Money(minimum, (await ctx.Loaders().OrganizationAsync(ctx.CancellationToken)).MainCurrency)
                : (object?)null);
        Field(s => s.AutoSend).Description("Sent by the system, or an action for a person.");
    }
}
