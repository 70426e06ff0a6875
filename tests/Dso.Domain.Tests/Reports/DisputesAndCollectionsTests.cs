using Dso.Domain.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Reports;

public class DisputesAndCollectionsTests
{
    [Fact]
    public async Task ADisputeResolvedTenDaysLater_CountsAsOpenedThenResolved_WithItsAmountAndDelay()
    {
        await using var db = await WorkedDataset.CreateAsync();
        var before = await Disputes(db, new DateOnly(2025, 6, 1), null);
        db.Clock.Advance(TimeSpan.FromDays(10));
        await WorkedDataset.QualifyAsync(db, "F-0402", "Litige résolu");

        var after = await Disputes(db, new DateOnly(2025, 6, 1), new DateOnly(2025, 7, 31));

        Assert.Equal((1, 30_000m, 1, 0), Summary(before.Lines.Single()));
        var line = after.Lines.Single();
        Assert.Equal((0, 0m, 1, 1), Summary(line));
        Assert.Equal((30_000m, 10.0m), (line.ResolvedAmount, line.AverageResolutionDays));
    }

    [Fact]
    public async Task AResolvedDisputeDelay_PushesTheForecastOfTheClientsOtherDisputes()
    {
        await using var db = await WorkedDataset.CreateAsync();
        await db.UpsertPiecesAsync(Receivables.Invoice("F-0603", "BETA", "2025-06-20", "2025-07-20", 5_000m));
        db.Clock.Advance(TimeSpan.FromDays(10));
        await WorkedDataset.QualifyAsync(db, "F-0402", "Litige résolu");
        await WorkedDataset.QualifyAsync(db, "F-0603", "Litige prix");

        var forecast = (await db.RunAsync(sp => sp.GetRequiredService<ComputeCashForecast>().ExecuteAsync(new DateOnly(2025, 7, 10), 4, default))).Value!;

        // F-0602 07-15, F-0601 07-05 + Alpha's 18 days, F-0501 07-10 + 18 days; F-0603 is due 07-20, but
        // "Litige prix" took 10 days to resolve: expected 07-30, in the week of 07-24 rather than 07-17.
        Assert.Equal([40_000m, 60_000m, 45_000m, 0m], forecast.Periods.Select(p => p.FromBehaviour));
    }

    [Fact]
    public async Task Collections_AreTheDecreasesOfDebitBalances_PerWeek_WithTheMonthsEffectivenessIndex()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var report = (await db.RunAsync(sp => sp.GetRequiredService<ComputeCollectionsReport>().ExecuteAsync(
            new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), Granularity.Week, default))).Value!;

        Assert.Equal(
            [("05-01", "05-04", 0m), ("05-05", "05-11", 2_000m), ("05-12", "05-18", 0m), ("05-19", "05-25", 70_000m), ("05-26", "05-31", 0m)],
            report.Periods.Select(p => (p.Start.ToString("MM-dd", null), p.End.ToString("MM-dd", null), p.Collected)));
        Assert.Equal(72_000m, report.Total);
        // (132 000 opening + 90 000 sales − 150 000 closing) ÷ (132 000 + 90 000 − 90 000 not yet due).
        Assert.Equal(0.5455m, report.Effectiveness.Single().Index);
    }

    [Fact]
    public async Task ARangeEndingBeforeItStarts_IsRefusedNamingFrom()
    {
        await using var db = await TestDatabase.CreateAsync();

        var collections = await db.RunAsync(sp => sp.GetRequiredService<ComputeCollectionsReport>().ExecuteAsync(new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 1), Granularity.Day, default));
        var disputes = await db.RunAsync(sp => sp.GetRequiredService<ComputeDisputesReport>().ExecuteAsync(new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 1), default));

        Assert.Equal(["from"], collections.Errors.Single().Field);
        Assert.Equal(["from"], disputes.Errors.Single().Field);
    }

    private static async Task<DisputesReport> Disputes(TestDatabase db, DateOnly from, DateOnly? to) =>
        (await db.RunAsync(sp => sp.GetRequiredService<ComputeDisputesReport>().ExecuteAsync(from, to, default))).Value!;

    private static (int, decimal, int, int) Summary(DisputeReportLine line) => (line.OpenCount, line.OpenAmount, line.OpenedCount, line.ResolvedCount);
}
