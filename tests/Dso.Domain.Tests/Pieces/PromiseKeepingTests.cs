using Dso.Domain.Pieces;

namespace Dso.Domain.Tests.Pieces;

public class PromiseKeepingTests
{
    private static readonly DateOnly Made = new(2025, 6, 10);
    private static readonly DateOnly Promised = new(2025, 6, 20);

    [Theory]
    [InlineData(null, "2025-06-20", 0, "2025-06-25", true)]      // everything paid on the promise date
    [InlineData(400, "2025-06-15", 600, "2025-06-25", true)]      // the promised 400 paid early, the rest still due
    [InlineData(400, "2025-06-21", 600, "2025-06-25", false)]     // paid, but the day after the promise date
    [InlineData(null, "2025-06-15", 600, "2025-06-25", false)]    // part paid when everything was promised
    [InlineData(400, "2025-06-30", 600, "2025-06-18", null)]      // not paid yet, promise date not passed
    [InlineData(400, "2025-06-30", 600, "2025-06-20", null)]      // the promise date itself is still undecided
    [InlineData(400, "2025-06-15", 600, "2025-06-18", true)]      // kept before the promise date
    public void APromise_IsKeptWhenTheBalanceFallsByTheAmountByItsDate(int? promised, string paidOn, int balanceAfter, string today, bool? kept)
    {
        var payment = DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture);
        Func<DateOnly, decimal> openOn = day => day >= payment ? balanceAfter : 1000m;

        Assert.Equal(kept, PromiseKeeping.Decide(promised, Made, Promised, openOn, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
