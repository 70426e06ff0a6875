using Dso.Domain.Common;

namespace Dso.Domain.Risk;

/// <summary>
/// A client's latest risk score, with the values and weights it was computed from (its factors are derived from them,
/// so they explain the score as it was computed). <see cref="DegradedFrom"/> is the class before a drop that raised
/// RISK_DEGRADED, until the class comes back to it.
/// </summary>
public sealed class ClientRisk : ITenantOwned
{
    private ClientRisk()
    {
    }

    public ClientRisk(long organizationId, long clientId) => (OrganizationId, ClientId) = (organizationId, clientId);

    public long ClientId { get; private set; }

    long IEntity.Id => ClientId;

    public long OrganizationId { get; private set; }

    public int Score { get; private set; }

    public RiskClass Class { get; private set; }

    public DateTimeOffset ComputedAt { get; private set; }

    public RiskClass? DegradedFrom { get; private set; }

    public decimal AverageDaysLate { get; private set; }

    public decimal OverdueShare { get; private set; }

    public decimal DisputedShare { get; private set; }

    public decimal? CreditLimitUse { get; private set; }

    public int BrokenPromises { get; private set; }

    public decimal AverageDaysLateWeight { get; private set; }

    public decimal OverdueShareWeight { get; private set; }

    public decimal DisputedShareWeight { get; private set; }

    public decimal CreditLimitUseWeight { get; private set; }

    public decimal BrokenPromisesWeight { get; private set; }

    public RiskInputs Inputs => new(AverageDaysLate, OverdueShare, DisputedShare, CreditLimitUse, BrokenPromises);

    public RiskWeights Weights => new(AverageDaysLateWeight, OverdueShareWeight, DisputedShareWeight, CreditLimitUseWeight, BrokenPromisesWeight);

    /// <summary>The factors of the score, as computed.</summary>
    public IReadOnlyList<RiskFactor> Factors => RiskModel.Assess(Inputs, Weights).Factors;

    /// <summary>
    /// Records a new assessment; returns the class it dropped from when the score's class got worse than it was and
    /// no drop is pending yet, else null.
    /// </summary>
    public RiskClass? Record(RiskInputs inputs, RiskWeights weights, DateTimeOffset now)
    {
        // Stored to four decimals, and scored as stored: the factors read back explain the score exactly.
        (AverageDaysLate, OverdueShare, DisputedShare, CreditLimitUse, BrokenPromises) =
            (Round(inputs.AverageDaysLate), Round(inputs.OverdueShare), Round(inputs.DisputedShare), inputs.CreditLimitUse is { } use ? Round(use) : null, inputs.BrokenPromises);
        var assessment = RiskModel.Assess(Inputs, weights);
        var previous = ComputedAt == default ? (RiskClass?)null : Class;
        (Score, Class, ComputedAt) = (assessment.Score, assessment.Class, now);
        (AverageDaysLateWeight, OverdueShareWeight, DisputedShareWeight, CreditLimitUseWeight, BrokenPromisesWeight) =
            (weights.AverageDaysLate, weights.OverdueShare, weights.DisputedShare, weights.CreditLimitUse, weights.BrokenPromises);
        if (DegradedFrom is { } from && Class <= from)
        {
            DegradedFrom = null;
        }

        if (DegradedFrom is null && previous is { } before && Class > before)
        {
            DegradedFrom = before;
            return before;
        }

        return null;
    }

    /// <summary>The pending drop's alert was acknowledged: a later drop raises again.</summary>
    public void Forget() => DegradedFrom = null;

    private static decimal Round(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
