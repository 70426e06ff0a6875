using Dso.Domain.Common;

namespace Dso.Domain.Penalties;

/// <summary>A half-year's rates added (or corrected) by the organization's administrators.</summary>
public sealed class PenaltyRate : ITenantOwned
{
    private PenaltyRate()
    {
    }

    public PenaltyRate(long organizationId, int year, int half, HalfYearRates rates, DateTimeOffset now)
    {
        (OrganizationId, Year, Half) = (organizationId, year, half);
        Set(rates, now);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public int Year { get; private set; }

    /// <summary>1: January to June; 2: July to December.</summary>
    public int Half { get; private set; }

    /// <summary>The late-payment rate, percent a year (ECB + 10 points).</summary>
    public decimal PenaltyPercent { get; private set; }

    /// <summary>The legal interest rate for professional creditors, percent a year (three times it is the contractual floor).</summary>
    public decimal LegalInterestPercent { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public HalfYearRates Rates => new(PenaltyPercent, LegalInterestPercent);

    public void Set(HalfYearRates rates, DateTimeOffset now) => (PenaltyPercent, LegalInterestPercent, UpdatedAt) = (rates.PenaltyPercent, rates.LegalInterestPercent, now);
}
