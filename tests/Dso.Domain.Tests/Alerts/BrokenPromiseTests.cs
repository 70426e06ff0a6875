using Dso.Domain.Alerts;
using Dso.Domain.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Alerts;

public class BrokenPromiseTests
{
    [Fact]
    public async Task ThePromiseOfF0502_NotPaidByItsDate_RaisesOneAlertTheDayAfter()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var onTheDate = await RaiseAsync(db, new DateOnly(2025, 7, 5));
        var dayAfter = await RaiseAsync(db, new DateOnly(2025, 7, 6));
        var again = await RaiseAsync(db, new DateOnly(2025, 7, 7));

        Assert.Empty(onTheDate);
        Assert.Equal("Payment promised by 2025-07-05 not received: F-0502.", Assert.Single(dayAfter).Message);
        Assert.Empty(again);
    }

    [Fact]
    public async Task AnAcknowledgedAlert_LetsTheRuleRaiseAgain_AndAKeptPromiseRaisesNothing()
    {
        await using var db = await WorkedDataset.CreateAsync();
        var first = Assert.Single(await RaiseAsync(db, new DateOnly(2025, 7, 6)));
        var user = await db.QueryAsync(c => c.Users.Select(u => u.Id).FirstAsync());

        var acknowledged = await db.RunAsync(sp => sp.GetRequiredService<AcknowledgeAlert>().ExecuteAsync(first.Id, user, default));
        var twice = await db.RunAsync(sp => sp.GetRequiredService<AcknowledgeAlert>().ExecuteAsync(first.Id, user, default));
        var raisedAgain = await RaiseAsync(db, new DateOnly(2025, 7, 7));

        Assert.True(acknowledged.Succeeded);
        Assert.Equal(["alertId"], twice.Errors.Select(e => e.Field[0]));
        Assert.Single(raisedAgain);

        await using var kept = await WorkedDataset.CreateAsync();
        await kept.UpsertPiecesAsync(Invoice("F-0502", "BETA", "2025-05-20", "2025-06-10", 30_000m, open: 0m));
        Assert.Empty(await RaiseAsync(kept, new DateOnly(2025, 7, 6)));
    }

    private static Task<IReadOnlyList<Alert>> RaiseAsync(TestDatabase db, DateOnly date) =>
        db.RunAsync(sp => sp.GetRequiredService<RaiseBrokenPromises>().ExecuteAsync(date, default));
}
