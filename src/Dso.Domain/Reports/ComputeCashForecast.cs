using Dso.Domain.Common;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Reports;

/// <summary>
/// The cash forecast from a date (default today), week by week (domain-rules §5): each open debit piece
/// is expected on its promise date, else on its due date plus its client's average days late, plus the
/// average resolution time of its dispute status when disputed; litigation is not expected.
/// </summary>
public sealed class ComputeCashForecast(DsoDbContext db, TimeProvider clock)
{
    public const int MaxWeeks = 104;

    public async Task<Outcome<CashForecast>> ExecuteAsync(DateOnly? from, int weeks, CancellationToken cancellationToken)
    {
        if (weeks is < 1 or > MaxWeeks)
        {
            return Outcomes.Failure<CashForecast>(UserError.Invalid($"weeks is between 1 and {MaxWeeks}.", "weeks"));
        }

        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var start = from ?? organization.Today(clock);
        var statuses = await db.Statuses.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Category, cancellationToken);
        var litigation = statuses.Where(s => s.Value == StatusCategory.Litigation).Select(s => (long?)s.Key).ToList();
        var open = await db.Pieces.BalancesOn(start).Where(p => !p.IsCredit && !litigation.Contains(p.StatusId))
            .GroupBy(p => new { p.ClientId, p.DueDate, p.PromiseDate, p.StatusId, p.Currency })
            .Select(g => new { g.Key.ClientId, g.Key.DueDate, g.Key.PromiseDate, g.Key.StatusId, g.Key.Currency, Amount = g.Sum(p => p.Open) })
            .Where(g => g.Amount > 0)
            .ToListAsync(cancellationToken);
        var daysLate = await PaymentBehaviour.AverageDaysLateAsync(db, start, cancellationToken);
        var resolution = DisputeEpisode.AverageResolutionDays(await DisputeEpisode.LoadAsync(db, organization, start, cancellationToken));
        var rates = await ExchangeRateTable.LoadAsync(db, start, cancellationToken);

        var expected = open.Select(o =>
        {
            var fromPromise = o.PromiseDate is not null;
            var date = o.PromiseDate ?? o.DueDate
                .AddDays((int)Math.Round(daysLate.GetValueOrDefault(o.ClientId), MidpointRounding.AwayFromZero))
                .AddDays(o.StatusId is { } status && statuses[status] == StatusCategory.Dispute ? resolution.GetValueOrDefault(status) : 0);
            return (Week: date < start ? -1 : (date.DayNumber - start.DayNumber) / 7, FromPromise: fromPromise, Amount: rates.Convert(o.Amount, o.Currency));
        }).ToList();
        var periods = Enumerable.Range(0, weeks).Select(week =>
        {
            var inWeek = expected.Where(e => e.Week == week).ToList();
            return new ForecastPeriod(start.AddDays(7 * week), start.AddDays((7 * week) + 6),
                Rounding.Amount(inWeek.Where(e => e.FromPromise).Sum(e => e.Amount)), Rounding.Amount(inWeek.Where(e => !e.FromPromise).Sum(e => e.Amount)));
        }).ToList();
        return Outcomes.Success(new CashForecast(start, rates.MainCurrency, periods, Rounding.Amount(expected.Where(e => e.Week < 0).Sum(e => e.Amount))));
    }
}
