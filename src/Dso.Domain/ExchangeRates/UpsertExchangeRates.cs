using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.ExchangeRates;

/// <summary>Records dated exchange rates to the main currency; a rate given again for the same date replaces it.</summary>
public sealed class UpsertExchangeRates(DsoDbContext db)
{
    public const int MaxRates = 1000;

    public async Task<Outcome<IReadOnlyList<ExchangeRate>>> ExecuteAsync(IReadOnlyList<ExchangeRateInput> rates, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var errors = Validate(rates, organization.MainCurrency);
        if (errors.Count > 0)
        {
            return Outcomes.Failure<IReadOnlyList<ExchangeRate>>(errors);
        }

        var currencies = rates.Select(r => Currency.Normalize(r.Currency)!).Distinct().ToList();
        var existing = await db.ExchangeRates.Where(r => currencies.Contains(r.Currency)).ToDictionaryAsync(r => (r.Currency, r.Date), cancellationToken);
        var written = new List<ExchangeRate>();
        foreach (var input in rates)
        {
            var key = (Currency.Normalize(input.Currency)!, input.Date);
            if (!existing.TryGetValue(key, out var rate))
            {
                rate = new ExchangeRate(organization.Id, key.Item1, input.Date, input.Rate);
                db.ExchangeRates.Add(rate);
                existing[key] = rate;
            }

            rate.Rate = input.Rate;
            written.Add(rate);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success<IReadOnlyList<ExchangeRate>>(written);
    }

    private static List<UserError> Validate(IReadOnlyList<ExchangeRateInput> rates, string mainCurrency)
    {
        if (rates.Count > MaxRates)
        {
            return [new UserError(["rates"], $"At most {MaxRates} rates per call.", UserErrorCode.LimitExceeded)];
        }

        var errors = new List<UserError>();
        for (var i = 0; i < rates.Count; i++)
        {
            var path = new FieldPath("rates", i);
            var code = Currency.Normalize(rates[i].Currency);
            if (code is null)
            {
                errors.Add(path.Invalid("currency", $"'{rates[i].Currency}' is not an ISO 4217 currency code."));
            }
            else if (code == mainCurrency)
            {
                errors.Add(path.Invalid("currency", $"{code} is the main currency: its rate is always 1."));
            }

            if (rates[i].Rate <= 0 || decimal.Round(rates[i].Rate, ExchangeRateTable.Decimals) != rates[i].Rate)
            {
                errors.Add(path.Invalid("rate", $"A rate is positive, with at most {ExchangeRateTable.Decimals} decimals."));
            }
        }

        return errors;
    }
}
