using Dso.Domain.Penalties;

namespace Dso.Domain.Tests.Penalties;

/// <summary>The worked examples of domain-rules §6, to the cent.</summary>
public class ComputeLatePenaltyTests
{
    private static readonly Func<DateOnly, bool> NeverDisputed = _ => false;

    [Theory]
    [InlineData(HalfYearPolicy.Split, "378.62")]
    [InlineData(HalfYearPolicy.AtDueDate, "393.42")]
    public void TwelveThousandPaidAfter91Days_AcrossTwoHalfYears(HalfYearPolicy policy, string expected)
    {
        var line = ComputeLatePenalty.Execute(1, new DateOnly(2025, 5, 15), new DateOnly(2025, 12, 31),
            Paid(12_000m, (new DateOnly(2025, 8, 14), 0m)), NeverDisputed, PenaltyRates.Default, policy, indemnity: true);

        Assert.Equal((91, decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), 40m), (line.DaysLate, line.Interest, line.Indemnity));
        if (policy == HalfYearPolicy.Split)
        {
            Assert.Equal([(46, 13.15m, 198.87m), (45, 12.15m, 179.75m)], line.Segments.Select(s => (s.Days, s.AnnualRatePercent, Math.Round(s.Interest, 2))));
        }
    }

    [Fact]
    public void PartialPayments_ReduceTheBaseFromTheDayAfter()
    {
        var line = ComputeLatePenalty.Execute(1, new DateOnly(2025, 3, 31), new DateOnly(2025, 6, 30),
            Paid(1_000m, (new DateOnly(2025, 4, 10), 600m), (new DateOnly(2025, 4, 30), 0m)), NeverDisputed, PenaltyRates.Default, HalfYearPolicy.Split, indemnity: true);

        Assert.Equal((30, 7.93m, 40m), (line.DaysLate, line.Interest, line.Indemnity));
        Assert.Equal([(10, 1_000m), (20, 600m)], line.Segments.Select(s => (s.Days, s.Base)));
    }

    [Fact]
    public void F0401_SeventyThousandEighteenDaysLate()
    {
        var line = ComputeLatePenalty.Execute(1, new DateOnly(2025, 5, 2), new DateOnly(2025, 6, 30),
            Paid(70_000m, (new DateOnly(2025, 5, 20), 0m)), NeverDisputed, PenaltyRates.Default, HalfYearPolicy.Split, indemnity: true);

        Assert.Equal((18, 453.95m, 40m), (line.DaysLate, line.Interest, line.Indemnity));
    }

    [Fact]
    public void DisputedDays_AccrueNothing_AndAPieceNeverLateHasNoIndemnity()
    {
        var disputed = ComputeLatePenalty.Execute(1, new DateOnly(2025, 5, 2), new DateOnly(2025, 6, 30),
            Paid(70_000m, (new DateOnly(2025, 5, 20), 0m)), d => d < new DateOnly(2025, 5, 11), PenaltyRates.Default, HalfYearPolicy.Split, indemnity: true);
        var onTime = ComputeLatePenalty.Execute(2, new DateOnly(2025, 5, 2), new DateOnly(2025, 6, 30),
            Paid(70_000m, (new DateOnly(2025, 5, 2), 0m)), NeverDisputed, PenaltyRates.Default, HalfYearPolicy.Split, indemnity: true);

        Assert.Equal(10, disputed.DaysLate);
        Assert.Equal((0, 0m, 0m), (onTime.DaysLate, onTime.Interest, onTime.Indemnity));
    }

    [Fact]
    public void AHalfYearWithoutARate_IsAClearError() =>
        Assert.Equal((2026, 1), Assert.Throws<MissingPenaltyRateException>(() => ComputeLatePenalty.Execute(1, new DateOnly(2025, 12, 20), new DateOnly(2026, 1, 10),
            _ => 100m, NeverDisputed, PenaltyRates.Default, HalfYearPolicy.Split, indemnity: true)).HalfYear);

    // The open amount at the end of a day: the amount, then each payment's balance from its date on.
    private static Func<DateOnly, decimal> Paid(decimal amount, params (DateOnly On, decimal Balance)[] payments) =>
        day => payments.Where(p => p.On <= day).Select(p => (decimal?)p.Balance).LastOrDefault() ?? amount;

    [Fact]
    public void BeyondTheKnownHalfYears_TheLatestKnownOneIsShown_WhileComputingStillNeedsTheRealRate()
    {
        var rates = PenaltyRates.Default;

        Assert.Equal(new DateOnly(2025, 7, 1), rates.LatestKnown(new DateOnly(2026, 11, 23)));
        Assert.Equal(new DateOnly(2025, 1, 1), rates.LatestKnown(new DateOnly(2025, 3, 1)));
        Assert.Throws<MissingPenaltyRateException>(() => rates.On(new DateOnly(2026, 11, 23)));
    }
}
