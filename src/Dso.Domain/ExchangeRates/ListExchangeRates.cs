using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.ExchangeRates;

/// <summary>The dated rates to the main currency, by currency then date; of one currency when given.</summary>
public sealed class ListExchangeRates(DsoDbContext db)
{
    public async Task<IReadOnlyList<ExchangeRate>> ExecuteAsync(string? currency, CancellationToken cancellationToken)
    {
        var code = Common.Currency.Normalize(currency);
        var rates = db.ExchangeRates.AsNoTracking();
        return await (code is null ? rates : rates.Where(r => r.Currency == code))
            .OrderBy(r => r.Currency).ThenBy(r => r.Date).Take(UpsertExchangeRates.MaxRates).ToListAsync(cancellationToken);
    }
}
