using Dso.Api.GraphQL.Common;
using Dso.Domain.Risk;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Risk;

/// <summary>A client's latest risk score and the factors that explain it.</summary>
public sealed class RiskScoreGraphType : ObjectGraphType<ClientRisk>
{
    public RiskScoreGraphType()
    {
        Name = "RiskScore";
        Description = "A client's risk: a score from 0 (worst) to 100 (best), its class by average days late, and the factors it is computed from.";
        Field(r => r.Score).Description("0 (worst) to 100 (best): the sum of the factors' points.");
        Field<NonNullGraphType<EnumerationGraphType<RiskClass>>>("class").Description("A up to 30 days late on average, B up to 60, C up to 90, D beyond.").Resolve(ctx => ctx.Source.Class);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RiskFactorGraphType>>>>("factors").Resolve(ctx => ctx.Source.Factors);
        Field<NonNullGraphType<DateTimeScalar>>("computedAt").Resolve(ctx => ctx.Source.ComputedAt);
    }
}

/// <summary>One factor of a risk score.</summary>
public sealed class RiskFactorGraphType : ObjectGraphType<RiskFactor>
{
    public RiskFactorGraphType()
    {
        Name = "RiskFactor";
        Field(f => f.Name).Description("averageDaysLate, overdueShare, disputedShare, creditLimitUse or brokenPromises.");
        Field<NonNullGraphType<DecimalScalar>>("value").Description("What was observed: days, a share from 0 to 1, or a count.").Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<DecimalScalar>>("weight").Resolve(ctx => ctx.Source.Weight);
        Field<NonNullGraphType<DecimalScalar>>("points").Description("This factor's share of the score.").Resolve(ctx => ctx.Source.Points);
    }
}

/// <summary>The weights of the risk factors.</summary>
public sealed class RiskWeightsGraphType : ObjectGraphType<RiskWeights>
{
    public RiskWeightsGraphType()
    {
        Name = "RiskWeights";
        Description = "How much each factor counts in a risk score, relative to the others (default 40, 20, 15, 15, 10).";
        foreach (var (name, read) in Members)
        {
            Field<NonNullGraphType<DecimalScalar>>(name).Resolve(ctx => read(ctx.Source));
        }
    }

    public static readonly (string Name, Func<RiskWeights, decimal> Read)[] Members =
    [
        (RiskModel.AverageDaysLate, w => w.AverageDaysLate), (RiskModel.OverdueShare, w => w.OverdueShare), (RiskModel.DisputedShare, w => w.DisputedShare),
        (RiskModel.CreditLimitUse, w => w.CreditLimitUse), (RiskModel.BrokenPromises, w => w.BrokenPromises),
    ];
}

/// <summary>New weights of the risk factors: all five, each from 0 to 100.</summary>
public sealed class RiskWeightsInputGraphType : InputObjectGraphType
{
    public RiskWeightsInputGraphType()
    {
        Name = "RiskWeightsInput";
        foreach (var (name, _) in RiskWeightsGraphType.Members)
        {
            Field<NonNullGraphType<DecimalScalar>>(name);
        }
    }

    public static RiskWeights? From(IDictionary<string, object?>? input) => input is null
        ? null
        : new RiskWeights(input.Value<decimal>(RiskModel.AverageDaysLate), input.Value<decimal>(RiskModel.OverdueShare), input.Value<decimal>(RiskModel.DisputedShare),
            input.Value<decimal>(RiskModel.CreditLimitUse), input.Value<decimal>(RiskModel.BrokenPromises));
}
