using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Penalties;

/// <summary>A half-year of the rate tables as the organization's penalties use it.</summary>
public sealed record PenaltyRateRow(DateOnly From, int Half, HalfYearRates Rates, bool BuiltIn)
{
    public DateOnly To => From.AddMonths(6).AddDays(-1);
}

/// <summary>The rate tables: the built-in half-years, with the organization's own additions and corrections over them.</summary>
public sealed class ListPenaltyRates(DsoDbContext db)
{
    public async Task<IReadOnlyList<PenaltyRateRow>> ExecuteAsync(CancellationToken cancellationToken) => await RowsAsync(db, cancellationToken);

    internal static async Task<IReadOnlyList<PenaltyRateRow>> RowsAsync(DsoDbContext db, CancellationToken cancellationToken)
    {
        var own = await db.PenaltyRates.AsNoTracking().ToDictionaryAsync(r => (r.Year, r.Half), r => r.Rates, cancellationToken);
        return PenaltyRates.BuiltIn.Keys.Union(own.Keys).Order()
            .Select(k => new PenaltyRateRow(new DateOnly(k.Year, k.Half == 1 ? 1 : 7, 1), k.Half,
                own.TryGetValue(k, out var rates) ? rates : PenaltyRates.BuiltIn[k], !own.ContainsKey(k)))
            .ToList();
    }
}
