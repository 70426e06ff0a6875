using Dso.Domain.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Reports;

public class CashForecastTests
{
    [Fact]
    public async Task FromTheWorkedDate_ExpectsPromisesOnTheirDate_AndOthersAfterTheClientsAverageDelay()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var forecast = (await db.RunAsync(sp => sp.GetRequiredService<ComputeCashForecast>().ExecuteAsync(null, 5, default))).Value!;

        Assert.Equal(
            [
                (new DateOnly(2025, 6, 30), new DateOnly(2025, 7, 6), 30_000m, 0m),
                (new DateOnly(2025, 7, 7), new DateOnly(2025, 7, 13), 0m, 0m),
                (new DateOnly(2025, 7, 14), new DateOnly(2025, 7, 20), 0m, 40_000m),
                (new DateOnly(2025, 7, 21), new DateOnly(2025, 7, 27), 0m, 60_000m),
                (new DateOnly(2025, 7, 28), new DateOnly(2025, 8, 3), 0m, 40_000m),
            ],
            forecast.Periods.Select(p => (p.Start, p.End, p.FromPromises, p.FromBehaviour)));
        Assert.Equal(80_000m, forecast.Unscheduled);
    }

    [Fact]
    public async Task ALitigatedPiece_IsNotExpected_AndAnAmountAfterTheLastWeekIsLeftOut()
    {
        await using var db = await WorkedDataset.CreateAsync();
        await db.UpsertPiecesAsync(Receivables.Invoice("F-0901", "GAMMA", "2025-06-01", "2025-09-30", 9_000m));
        await WorkedDataset.QualifyAsync(db, "F-0301", "Contentieux");

        var forecast = (await db.RunAsync(sp => sp.GetRequiredService<ComputeCashForecast>().ExecuteAsync(null, 2, default))).Value!;

        Assert.Equal([30_000m, 0m], forecast.Periods.Select(p => p.Expected));
        Assert.Equal(68_000m, forecast.Unscheduled);
    }

    [Fact]
    public async Task AverageDaysLate_IsAmountWeightedOverSixMonthsOfSettledInvoices()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var days = await db.RunAsync(sp => PaymentBehaviour.AverageDaysLateAsync(sp.GetRequiredService<Domain.Persistence.DsoDbContext>(), new DateOnly(2025, 6, 30), default));

        Assert.Equal(18m, Assert.Single(days).Value);
    }
}
