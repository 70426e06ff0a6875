using Dso.Domain.Common;

namespace Dso.Domain.ExchangeRates;

/// <summary>What one unit of a currency is worth in the organization's main currency, from a date on.</summary>
public sealed class ExchangeRate : ITenantOwned
{
    private ExchangeRate()
    {
    }

    public ExchangeRate(long organizationId, string currency, DateOnly date, decimal rate)
    {
        OrganizationId = organizationId;
        Currency = currency;
        Date = date;
        Rate = rate;
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public string Currency { get; private set; } = "";

    public DateOnly Date { get; private set; }

    /// <summary>Main-currency units for one unit of <see cref="Currency"/>.</summary>
    public decimal Rate { get; internal set; }
}
