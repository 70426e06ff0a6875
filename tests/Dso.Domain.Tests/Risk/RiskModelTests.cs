using Dso.Domain.Risk;

namespace Dso.Domain.Tests.Risk;

/// <summary>The scoring of domain-rules §7 on worked cases, to the hundredth of a point.</summary>
public class RiskModelTests
{
    [Fact]
    public void AClientWithNothingAgainstIt_Scores100_ClassA_EachFactorItsFullWeight()
    {
        var risk = RiskModel.Assess(new RiskInputs(0m, 0m, 0m, null, 0), RiskWeights.Default);

        Assert.Equal((100, RiskClass.A), (risk.Score, risk.Class));
        Assert.Equal([40m, 20m, 15m, 15m, 10m], risk.Factors.Select(f => f.Points));
        Assert.Equal(["averageDaysLate", "overdueShare", "disputedShare", "creditLimitUse", "brokenPromises"], risk.Factors.Select(f => f.Name));
    }

    [Fact]
    public void FortyFiveDaysLate_HalfOverdue_AQuarterDisputed_OverTheLimit_OneBrokenPromise_Scores48_ClassB()
    {
        // 40 × (1 − 45/90) = 20; 20 × 0.5 = 10; 15 × 0.75 = 11.25; over the limit: 0; 10 × (1 − 1/3) = 6.67. Sum 47.92.
        var risk = RiskModel.Assess(new RiskInputs(45m, 0.5m, 0.25m, 1.2m, 1), RiskWeights.Default);

        Assert.Equal((48, RiskClass.B), (risk.Score, risk.Class));
        Assert.Equal([20m, 10m, 11.25m, 0m, 6.67m], risk.Factors.Select(f => f.Points));
        Assert.Equal([45m, 0.5m, 0.25m, 1.2m, 1m], risk.Factors.Select(f => f.Value));
    }

    [Fact]
    public void TheWeightsAreRelative_AndThePointsFollowThem()
    {
        // Only days late and broken promises count, equally: 100 days late takes all of its half, no broken promise none.
        var risk = RiskModel.Assess(new RiskInputs(100m, 1m, 1m, 1m, 0), new RiskWeights(1, 0, 0, 0, 1));

        Assert.Equal((50, RiskClass.D), (risk.Score, risk.Class));
        Assert.Equal([0m, 0m, 0m, 0m, 50m], risk.Factors.Select(f => f.Points));
    }

    [Theory]
    [InlineData("-5", RiskClass.A)]
    [InlineData("30", RiskClass.A)]
    [InlineData("30.0001", RiskClass.B)]
    [InlineData("60", RiskClass.B)]
    [InlineData("60.5", RiskClass.C)]
    [InlineData("90", RiskClass.C)]
    [InlineData("90.0001", RiskClass.D)]
    public void TheClassFollowsTheAverageDaysLate(string days, RiskClass expected) =>
        Assert.Equal(expected, RiskModel.ClassOf(decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void WeightsOutOfRange_OrAllZero_AreRefusedFieldByField()
    {
        var errors = new RiskWeights(-1, 0, 0, 0, 101).Errors("riskWeights").ToList();
        var zero = new RiskWeights(0, 0, 0, 0, 0).Errors("riskWeights").ToList();

        Assert.Equal(["riskWeights.averageDaysLate", "riskWeights.brokenPromises"], errors.Select(e => string.Join('.', e.Field)));
        Assert.Equal("At least one weight is above 0.", Assert.Single(zero).Message);
    }
}
