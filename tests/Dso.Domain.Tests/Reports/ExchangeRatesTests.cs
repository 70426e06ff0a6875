using Dso.Domain.Clients;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Pieces;
using Dso.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Reports;

public class ExchangeRatesTests
{
    [Fact]
    public async Task AForeignPiece_IsConvertedAtTheLatestRateOnOrBeforeTheReportDate()
    {
        await using var db = await WorkedDataset.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("DELTA", "Delta Inc.", Currency: "USD"));
        await db.UpsertPiecesAsync(new PieceInput(PieceType.Invoice, "US-1", "DELTA", new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 1), 1_000m, 1_000m, "USD"));
        await Upsert(db, new ExchangeRateInput("usd", new DateOnly(2025, 6, 1), 0.9m), new ExchangeRateInput("USD", new DateOnly(2025, 7, 1), 0.8m));

        var report = (await db.RunAsync(sp => sp.GetRequiredService<ComputeAgedBalance>().ExecuteAsync(null, null, default))).Value!;

        Assert.Equal((140_900m, 250_900m, "EUR"), (report.Amounts[0].Amount, report.Total, report.Currency));
    }

    [Fact]
    public async Task AMissingRate_IsAClearErrorNamingTheCurrencyAndDate()
    {
        await using var db = await WorkedDataset.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("DELTA", "Delta Inc.", Currency: "USD"));
        await db.UpsertPiecesAsync(new PieceInput(PieceType.Invoice, "US-1", "DELTA", new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 1), 1_000m, 1_000m, "USD"));

        var error = await Assert.ThrowsAsync<MissingExchangeRateException>(() => db.RunAsync(sp => sp.GetRequiredService<ComputeAgedBalance>().ExecuteAsync(null, null, default)));

        Assert.Equal("No exchange rate from USD to EUR on or before 2025-06-30: add one with upsertExchangeRates.", error.Message);
    }

    [Fact]
    public async Task BadRates_AreRefusedNamingTheField_AndNothingIsWritten()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Upsert(db, new ExchangeRateInput("USD", new DateOnly(2025, 6, 1), 0.9m));

        var outcome = await Upsert(db,
            new ExchangeRateInput("USD", new DateOnly(2025, 6, 1), 0.95m), new ExchangeRateInput("XYZ1", new DateOnly(2025, 6, 1), 1m),
            new ExchangeRateInput("EUR", new DateOnly(2025, 6, 1), 1m), new ExchangeRateInput("GBP", new DateOnly(2025, 6, 1), -1m));

        Assert.Equal(["rates.1.currency", "rates.2.currency", "rates.3.rate"], outcome.Errors.Select(e => string.Join('.', e.Field)));
        Assert.Equal(0.9m, await db.QueryAsync(c => c.ExchangeRates.Select(r => r.Rate).SingleAsync()));
    }

    private static Task<Domain.Common.Outcome<IReadOnlyList<ExchangeRate>>> Upsert(TestDatabase db, params ExchangeRateInput[] rates) =>
        db.RunAsync(sp => sp.GetRequiredService<UpsertExchangeRates>().ExecuteAsync(rates, default));
}
