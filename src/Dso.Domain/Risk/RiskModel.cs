namespace Dso.Domain.Risk;

/// <summary>The classes of risk, by average days late (domain-rules §7): A up to 30, B up to 60, C up to 90, D beyond.</summary>
public enum RiskClass
{
    A,
    B,
    C,
    D,
}

/// <summary>
/// The observed values a client's risk is scored from: the amount-weighted average days late (invoices settled in
/// the last six months, at their settlement, and open invoices past due, as of today); the overdue and disputed
/// shares of the outstanding; the outstanding over the credit limit (null without a limit); and the promises broken
/// in the last six months.
/// </summary>
public sealed record RiskInputs(decimal AverageDaysLate, decimal OverdueShare, decimal DisputedShare, decimal? CreditLimitUse, int BrokenPromises);

/// <summary>One factor of a score: its observed value, its weight, and the points of the score it brings.</summary>
public sealed record RiskFactor(string Name, decimal Value, decimal Weight, decimal Points);

/// <summary>A client's score 0 (worst) to 100 (best), its class, and the factors that explain it.</summary>
public sealed record RiskAssessment(int Score, RiskClass Class, IReadOnlyList<RiskFactor> Factors);

/// <summary>
/// The scoring of domain-rules §7. Each factor is brought to a badness between 0 and 1: average days late over 90
/// days, the overdue share, the disputed share, the credit-limit use (each capped at 1; no limit is 0), broken promises
/// over 3. A factor brings weight / (sum of weights) × (1 − badness) × 100 points; the score is their sum, rounded
/// half away from zero. The class follows the average days late alone.
/// </summary>
public static class RiskModel
{
    public const int WorstDaysLate = 90;
    public const int WorstBrokenPromises = 3;
    public const int Months = 6;

    public const string AverageDaysLate = "averageDaysLate";
    public const string OverdueShare = "overdueShare";
    public const string DisputedShare = "disputedShare";
    public const string CreditLimitUse = "creditLimitUse";
    public const string BrokenPromises = "brokenPromises";

    public static RiskAssessment Assess(RiskInputs inputs, RiskWeights weights)
    {
        weights = weights.Total > 0 ? weights : RiskWeights.Default;
        var total = weights.Total;
        var factors = new (string Name, decimal Value, decimal Weight, decimal Badness)[]
        {
            (AverageDaysLate, inputs.AverageDaysLate, weights.AverageDaysLate, inputs.AverageDaysLate / WorstDaysLate),
            (OverdueShare, inputs.OverdueShare, weights.OverdueShare, inputs.OverdueShare),
            (DisputedShare, inputs.DisputedShare, weights.DisputedShare, inputs.DisputedShare),
            (CreditLimitUse, inputs.CreditLimitUse ?? 0m, weights.CreditLimitUse, inputs.CreditLimitUse ?? 0m),
            (BrokenPromises, inputs.BrokenPromises, weights.BrokenPromises, (decimal)inputs.BrokenPromises / WorstBrokenPromises),
        };
        var points = factors.Select(f => f.Weight / total * (1 - Math.Clamp(f.Badness, 0m, 1m)) * 100).ToList();
        var score = (int)Math.Round(points.Sum(), MidpointRounding.AwayFromZero);
        return new RiskAssessment(score, ClassOf(inputs.AverageDaysLate),
            factors.Zip(points, (f, p) => new RiskFactor(f.Name, Math.Round(f.Value, 4, MidpointRounding.AwayFromZero), f.Weight, Math.Round(p, 2, MidpointRounding.AwayFromZero))).ToList());
    }

    public static RiskClass ClassOf(decimal averageDaysLate) => averageDaysLate switch
    {
        <= 30 => RiskClass.A,
        <= 60 => RiskClass.B,
        <= 90 => RiskClass.C,
        _ => RiskClass.D,
    };
}
