using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Penalties;

/// <summary>A half-year's rates, starting on 1 January or 1 July.</summary>
public sealed record PenaltyRateInput(DateOnly From, decimal PenaltyPercent, decimal LegalInterestPercent);

/// <summary>Adds half-years to the rate tables (or corrects one); penalties computed afterwards use them.</summary>
public sealed class UpsertPenaltyRates(DsoDbContext db, TimeProvider clock)
{
    private const int MaxRates = 100;

    public async Task<Outcome<IReadOnlyList<PenaltyRateRow>>> ExecuteAsync(IReadOnlyList<PenaltyRateInput> rates, CancellationToken cancellationToken)
    {
        var errors = Validate(rates);
        if (errors.Count > 0)
        {
            return Outcomes.Failure<IReadOnlyList<PenaltyRateRow>>(errors);
        }

        var organizationId = await db.Organizations.Select(o => o.Id).SingleAsync(cancellationToken);
        var existing = await db.PenaltyRates.ToDictionaryAsync(r => (r.Year, r.Half), cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var input in rates)
        {
            var (year, half) = PenaltyRates.HalfYearOf(input.From);
            var values = new HalfYearRates(input.PenaltyPercent, input.LegalInterestPercent);
            if (existing.TryGetValue((year, half), out var rate))
            {
                rate.Set(values, now);
            }
            else
            {
                db.PenaltyRates.Add(new PenaltyRate(organizationId, year, half, values, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var written = rates.Select(r => PenaltyRates.HalfYearOf(r.From)).ToHashSet();
        return Outcomes.Success<IReadOnlyList<PenaltyRateRow>>((await ListPenaltyRates.RowsAsync(db, cancellationToken)).Where(r => written.Contains((r.From.Year, r.Half))).ToList());
    }

    private static List<UserError> Validate(IReadOnlyList<PenaltyRateInput> rates)
    {
        if (rates.Count is 0 or > MaxRates)
        {
            return [UserError.Invalid($"Give 1 to {MaxRates} half-years.", "rates")];
        }

        var errors = new List<UserError>();
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < rates.Count; i++)
        {
            var path = new FieldPath("rates", i);
            var rate = rates[i];
            if (rate.From is not { Day: 1, Month: 1 or 7 } || rate.From.Year is < 2000 or > 2100)
            {
                errors.Add(path.Invalid("from", "A half-year starts on 1 January or 1 July (2000 to 2100)."));
            }
            else if (!seen.Add(rate.From))
            {
                errors.Add(path.Invalid("from", $"The half-year starting {rate.From:yyyy-MM-dd} is given twice."));
            }

            foreach (var (field, percent) in new[] { ("penaltyRatePercent", rate.PenaltyPercent), ("legalInterestRatePercent", rate.LegalInterestPercent) })
            {
                if (percent is < 0 or > 100 || decimal.Round(percent, 3) != percent)
                {
                    errors.Add(path.Invalid(field, "A rate is between 0 and 100 %, with at most 3 decimals."));
                }
            }
        }

        return errors;
    }
}
