using Dso.Domain.Common.Paging;
using Dso.Domain.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Reports;

public class AgedBalanceTests
{
    [Fact]
    public async Task OnTheWorkedDate_GivesTheBucketsTotalOverdueAndLateRateOfTheRules()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var report = await Compute(db, null, null);

        Assert.Equal(new DateOnly(2025, 6, 30), report.AsOf);
        Assert.Equal(
            [("not due", null, 0, 140_000m, 3), ("1-30", 1, 30, 50_000m, 2), ("31-60", 31, 60, 30_000m, 1), ("61-90", 61, 90, 18_000m, 1), ("over 90", 91, null, 12_000m, 1), ("credits", null, null, 0m, 0)],
            report.Amounts.Select(b => (b.Label, b.FromDays, b.ToDays, b.Amount, b.Count)));
        Assert.Equal((250_000m, 110_000m, 0.44m), (report.Total, report.Overdue, report.LateRate));
    }

    [Fact]
    public async Task OnAPastDate_UsesTheBalancesOfThatDate()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var report = await Compute(db, new DateOnly(2025, 5, 31), null);

        // F-0401 was paid on 05-20 and F-0403 part-paid on 05-05; F-0601 and F-0602 were not issued yet.
        Assert.Equal([90_000m, 30_000m, 18_000m, 12_000m, 0m, 0m], report.Amounts.Select(b => b.Amount));
        Assert.Equal((150_000m, 60_000m, 0.4m), (report.Total, report.Overdue, report.LateRate));
    }

    [Fact]
    public async Task CreditNotes_HaveTheirOwnBucket_AndCustomBoundsMakeTheirOwnBuckets()
    {
        await using var db = await WorkedDataset.CreateAsync();
        await db.UpsertPiecesAsync(new Domain.Pieces.PieceInput(Domain.Pieces.PieceType.CreditNote, "AV-1", "ALPHA", new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1), 5_000m, 5_000m));

        var report = await Compute(db, null, [15, 45]);

        Assert.Equal(
            [("not due", 140_000m), ("1-15", 20_000m), ("16-45", 30_000m), ("over 45", 60_000m), ("credits", -5_000m)],
            report.Amounts.Select(b => (b.Label, b.Amount)));
        Assert.Equal((245_000m, 110_000m, 0.44m), (report.Total, report.Overdue, report.LateRate));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 30 })]
    [InlineData(new[] { 60, 30 })]
    public async Task BoundsThatAreNotIncreasingPositiveDays_AreRefusedNamingTheArgument(int[] bounds)
    {
        await using var db = await TestDatabase.CreateAsync();

        var outcome = await db.RunAsync(sp => sp.GetRequiredService<ComputeAgedBalance>().ExecuteAsync(null, bounds, default));

        Assert.Equal(["bucketBounds"], outcome.Errors.Single().Field);
    }

    [Fact]
    public async Task Rows_AreOneClientEach_SortedByTheChosenBucket_AndPaged()
    {
        await using var db = await WorkedDataset.CreateAsync();
        var report = await Compute(db, null, null);

        var byOutstanding = await Rows(db, report, null, new PageRequest(2, null, null, null));
        var next = await Rows(db, report, null, new PageRequest(2, byOutstanding.Edges[^1].Cursor, null, null));
        var byOverNinety = await Rows(db, report, 4, new PageRequest(1, null, null, null));

        Assert.Equal([(100_000m, "ALPHA"), (100_000m, "BETA")], await Named(db, byOutstanding));
        Assert.Equal([(50_000m, "GAMMA")], await Named(db, next));
        Assert.False(next.HasNextPage);
        Assert.Equal(12_000m, byOverNinety.Edges.Single().Node.Buckets[4].Amount);
    }

    [Fact]
    public async Task GroupedByCollector_SumsEachPortfolio_AndTheClientsWithoutOneComeLast()
    {
        await using var db = await WorkedDataset.CreateAsync();
        await db.RunAsync(sp => sp.GetRequiredService<Domain.Users.CreateApiKey>().ExecuteAsync(db.OrganizationId, Domain.Users.Role.Collector, default), TestDatabase.NoOrganization);
        var collector = await db.QueryAsync(c => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(c.Users, u => u.Id));
        var clients = await db.QueryAsync(c => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(c.Clients.Where(x => x.Code != "BETA").Select(x => x.Id)));
        await db.RunAsync(sp => sp.GetRequiredService<Domain.Clients.AssignClients>().ExecuteAsync(collector, clients.Cast<long?>().ToList(), unassign: false, default));
        var report = await Compute(db, null, null);

        var groups = await db.RunAsync(sp => sp.GetRequiredService<ListAgedBalanceRows>().ByCollectorAsync(report, default));

        // Alpha (100 000, not due) and Gamma (50 000, all overdue) are the collector's; Beta has none.
        Assert.Equal([((long?)collector, 2, 150_000m, 100_000m, 12_000m), (null, 1, 100_000m, 40_000m, 0m)],
            groups.Select(g => (g.CollectorId, g.Clients, g.Outstanding, g.Buckets[0].Amount, g.Buckets[4].Amount)));
    }

    private static async Task<AgedBalance> Compute(TestDatabase db, DateOnly? asOf, int[]? bounds) =>
        (await db.RunAsync(sp => sp.GetRequiredService<ComputeAgedBalance>().ExecuteAsync(asOf, bounds, default))).Value!;

    private static Task<Page<AgedBalanceRow>> Rows(TestDatabase db, AgedBalance report, int? bucket, PageRequest page) =>
        db.RunAsync(sp => sp.GetRequiredService<ListAgedBalanceRows>().ExecuteAsync(report, bucket, descending: true, page, default));

    private static async Task<List<(decimal, string)>> Named(TestDatabase db, Page<AgedBalanceRow> page)
    {
        var codes = await db.QueryAsync(c => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(c.Clients, x => x.Id, x => x.Code));
        return page.Edges.Select(e => (e.Node.Outstanding, codes[e.Node.ClientId])).ToList();
    }
}
