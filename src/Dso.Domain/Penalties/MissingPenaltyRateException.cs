namespace Dso.Domain.Penalties;

/// <summary>No rate is known for a half-year: an admin must add it before penalties can be computed for it.</summary>
public sealed class MissingPenaltyRateException((int Year, int Half) halfYear)
    : Common.DsoException("PENALTY_RATE_MISSING", $"No late-payment rate is known for H{halfYear.Half} {halfYear.Year}.")
{
    public (int Year, int Half) HalfYear { get; } = halfYear;
}
