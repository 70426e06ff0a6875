using Dso.Domain.Common;

namespace Dso.Domain.Risk;

/// <summary>
/// How much each factor counts in a risk score (domain-rules §7), relative to the others: by default 40 average days
/// late, 20 overdue share, 15 disputed share, 15 credit-limit use, 10 broken promises.
/// </summary>
public sealed record RiskWeights(decimal AverageDaysLate, decimal OverdueShare, decimal DisputedShare, decimal CreditLimitUse, decimal BrokenPromises)
{
    public const decimal MaxWeight = 100;

    public static readonly RiskWeights Default = new(40, 20, 15, 15, 10);

    public decimal Total => AverageDaysLate + OverdueShare + DisputedShare + CreditLimitUse + BrokenPromises;

    /// <summary>The errors of weights a caller gives, each naming its field under <paramref name="path"/>.</summary>
    public IEnumerable<UserError> Errors(string path)
    {
        foreach (var (name, weight) in new[]
        {
            (RiskModel.AverageDaysLate, AverageDaysLate), (RiskModel.OverdueShare, OverdueShare), (RiskModel.DisputedShare, DisputedShare),
            (RiskModel.CreditLimitUse, CreditLimitUse), (RiskModel.BrokenPromises, BrokenPromises),
        })
        {
            if (weight is < 0 or > MaxWeight)
            {
                yield return UserError.Invalid($"A weight is between 0 and {MaxWeight}.", path, name);
            }
        }

        if (Total <= 0)
        {
            yield return UserError.Invalid("At least one weight is above 0.", path);
        }
    }
}
