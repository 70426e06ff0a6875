using Dso.Domain.Organizations;
using Dso.Domain.Persistence;

namespace Dso.Domain.Penalties;

/// <summary>
/// The annual late-payment rate of today's half-year (of the latest one known while today's is not in the tables
/// yet): the contractual rate, never below three times the legal interest rate, else the ECB rate + 10 points.
/// </summary>
public sealed class ShowPenaltyRate(DsoDbContext db, TimeProvider clock)
{
    public async Task<decimal> ExecuteAsync(CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var rates = await PenaltyRates.LoadAsync(db, organization.Settings.ContractualPenaltyRatePercent, cancellationToken);
        return rates.On(rates.LatestKnown(organization.Today(clock)));
    }
}
