using Dso.Domain.Imports;
using Dso.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Imports;

/// <summary>An export dated the day it reflects: its balances and its FULL settlements are of that day, not of the day it is imported.</summary>
public class ImportAsOfTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);
    private static readonly string Paid = HostileImportTests.Good.Replace("FA1;", "FA2;", StringComparison.Ordinal);

    [Fact]
    public async Task YesterdaysExport_DatesItsBalancesAndSettlementsYesterday_SoEarlierReportsKeepTheFullAmounts()
    {
        await using var db = await TestDatabase.CreateAsync(Today);
        var partlyPaid = HostileImportTests.Good.Replace("1 234,56;1 234,56", "1 234,56;234,56", StringComparison.Ordinal);
        await db.ImportLinesAsync([HostileImportTests.Header, HostileImportTests.Good, Paid], asOf: Today.AddDays(-10));

        var job = await db.ImportLinesAsync([HostileImportTests.Header, partlyPaid], asOf: Today.AddDays(-1));

        Assert.Equal((ImportJobState.Succeeded, Today.AddDays(-1)), (job.State, job.AsOf));
        var pieces = await db.QueryAsync(c => c.Pieces.AsNoTracking().OrderBy(p => p.Number).Select(p => new { p.Number, p.OpenAmount, p.BalanceDate, p.SettledOn }).ToListAsync());
        Assert.Equal([("FA1", 234.56m, Today.AddDays(-1), (DateOnly?)null), ("FA2", 0m, Today.AddDays(-1), Today.AddDays(-1))],
            pieces.Select(p => (p.Number, p.OpenAmount, p.BalanceDate, p.SettledOn)));
        Assert.Equal(2 * 1234.56m, (await AgedAsync(db, Today.AddDays(-2))).Total);
        Assert.Equal(234.56m, (await AgedAsync(db, Today)).Total);
    }

    [Fact]
    public async Task AnImportWithoutADate_IsDatedTheDayItRuns()
    {
        await using var db = await TestDatabase.CreateAsync(Today);

        var job = await db.ImportLinesAsync([HostileImportTests.Header, HostileImportTests.Good]);

        Assert.Equal(Today, job.AsOf);
    }

    [Theory]
    [InlineData(1, "is in the future")]
    [InlineData(-6, "before the last import of source 'file:default' (2025-06-25)")]
    public async Task ADateInTheFuture_OrBeforeTheSourcesLastImport_IsRefused(int days, string reason)
    {
        await using var db = await TestDatabase.CreateAsync(Today);
        await db.ImportLinesAsync([HostileImportTests.Header, HostileImportTests.Good], asOf: Today.AddDays(-5));

        var refused = await db.StartLinesAsync([HostileImportTests.Header, HostileImportTests.Good], Today.AddDays(days));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(["asOf"], error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.QueryAsync(c => c.Set<ImportJob>().CountAsync()));
    }

    private static async Task<AgedBalance> AgedAsync(TestDatabase db, DateOnly asOf) =>
        (await db.RunAsync(sp => sp.GetRequiredService<ComputeAgedBalance>().ExecuteAsync(asOf, null, default))).Value!;
}
