namespace Dso.Domain.Reports;

/// <summary>Expected collections per week, in the main currency; <see cref="Unscheduled"/> is what was expected before the start and is still open.</summary>
public sealed record CashForecast(DateOnly From, string Currency, IReadOnlyList<ForecastPeriod> Periods, decimal Unscheduled);

/// <summary>One week of a forecast: what promises and payment behaviour lead to expect.</summary>
public sealed record ForecastPeriod(DateOnly Start, DateOnly End, decimal FromPromises, decimal FromBehaviour)
{
    public decimal Expected => FromPromises + FromBehaviour;
}
