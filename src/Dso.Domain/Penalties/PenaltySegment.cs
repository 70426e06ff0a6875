namespace Dso.Domain.Penalties;

/// <summary>Late days at one rate on one balance: from and to are the first and last day counted.</summary>
public sealed record PenaltySegment(DateOnly From, DateOnly To, decimal AnnualRatePercent, decimal Base)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>base × rate × days ÷ 365, unrounded (a piece's interest is rounded once, on the total).</summary>
    public decimal Interest => Base * AnnualRatePercent / 100m * Days / 365m;
}
