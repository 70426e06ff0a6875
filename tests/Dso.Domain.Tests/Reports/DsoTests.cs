using Dso.Domain.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Reports;

public class DsoTests
{
    [Fact]
    public async Task Countback_TakesJuneAndMayWhole_ThenAprilProRata_76Days()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var report = await Compute(db, DsoMethod.Countback, null, 12);

        Assert.Equal(76.0m, report.Days);
        // Best possible: the 140 000 not yet due take June (100 000) and 40/90 of May: 43.8; delinquent days are the rest.
        Assert.Equal((43.8m, 32.2m), (report.BestPossibleDays, report.AverageDaysDelinquent));
    }

    [Fact]
    public async Task Simple_DividesByTheSalesOfThreePeriods_73Point4Days()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var report = await Compute(db, DsoMethod.Simple, null, 0);

        Assert.Equal(73.4m, report.Days);
        Assert.Empty(report.History);
    }

    [Fact]
    public async Task History_HasOneValuePerMonthEnd_FromTheBalancesOfEachMonthEnd()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var report = await Compute(db, DsoMethod.Countback, null, 5);

        // 05-31: 150 000 owed, May sales 90 000 (31 d), then 60 000 of April's 120 000 (30 d) = 46.0.
        // 04-30: 132 000, April 120 000, then all of March's 12 000 = 61.0. 03-31: 12 000 = March's sales = 31.0.
        Assert.Equal(
            [(new DateOnly(2025, 2, 28), 0m), (new DateOnly(2025, 3, 31), 31.0m), (new DateOnly(2025, 4, 30), 61.0m), (new DateOnly(2025, 5, 31), 46.0m), (new DateOnly(2025, 6, 30), 76.0m)],
            report.History.Select(p => (p.Month, p.Days)));
    }

    [Fact]
    public async Task OnAPastDate_UsesTheReceivablesAndSalesOfThatDate()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var countback = await Compute(db, DsoMethod.Countback, new DateOnly(2025, 5, 31), 1);
        var simple = await Compute(db, DsoMethod.Simple, new DateOnly(2025, 5, 31), 1);

        Assert.Equal(46.0m, countback.Days);
        // 150 000 ÷ (90 000 + 120 000 + 12 000) × 92 days.
        Assert.Equal(62.2m, simple.Days);
    }

    [Fact]
    public async Task MoreThanThreeYearsOfHistory_IsRefusedNamingMonths()
    {
        await using var db = await TestDatabase.CreateAsync();

        var outcome = await db.RunAsync(sp => sp.GetRequiredService<ComputeDso>().ExecuteAsync(DsoMethod.Countback, null, 37, default));

        Assert.Equal(["months"], outcome.Errors.Single().Field);
    }

    private static async Task<DsoReport> Compute(TestDatabase db, DsoMethod method, DateOnly? asOf, int months) =>
        (await db.RunAsync(sp => sp.GetRequiredService<ComputeDso>().ExecuteAsync(method, asOf, months, default))).Value!;
}
