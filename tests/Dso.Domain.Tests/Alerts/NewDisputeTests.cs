using Dso.Domain.Alerts;
using Dso.Domain.Events;
using Dso.Domain.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Alerts;

public class NewDisputeTests
{
    [Fact]
    public async Task AQualificationIntoADispute_RaisesOneAlertForTheClient_OnceHowOftenTheEventsAreDispatched()
    {
        await using var db = await WorkedDataset.CreateAsync();
        await DispatchAsync(db);
        var before = await AlertsAsync(db);

        await WorkedDataset.QualifyAsync(db, "F-0301", "Litige prix");
        await DispatchAsync(db);
        await DispatchAsync(db);

        var alert = Assert.Single(await AlertsAsync(db), a => before.All(b => b.Id != a.Id));
        var client = await db.QueryAsync(c => c.Pieces.Where(p => p.Number == "F-0301").Select(p => p.ClientId).SingleAsync());
        Assert.Equal((AlertKind.NewDispute, (long?)client, "F-0301 is disputed: Litige prix."), (alert.Kind, alert.ClientId, alert.Message));
    }

    [Fact]
    public async Task AClientWithAnOpenDisputeAlert_GetsNoSecond_AndOtherStatusesRaiseNone()
    {
        await using var db = await WorkedDataset.CreateAsync();
        await DispatchAsync(db);
        var client = await db.QueryAsync(c => c.Pieces.Where(p => p.Number == "F-0301").Select(p => p.ClientId).SingleAsync());
        var before = await AlertsAsync(db);

        await WorkedDataset.QualifyAsync(db, "F-0301", "Litige prix");
        await WorkedDataset.QualifyAsync(db, "F-0503", "Litige technique");
        await WorkedDataset.QualifyAsync(db, "F-0601", "Relance en cours");
        await DispatchAsync(db);

        // The dataset's own dispute (F-0402, Beta) raised the one before; Gamma's two disputes raise one; Alpha's follow-up none.
        Assert.Equal("F-0402 is disputed: Litige prix.", Assert.Single(before).Message);
        Assert.Equal([client], (await AlertsAsync(db)).Where(a => before.All(b => b.Id != a.Id)).Select(a => a.ClientId));
    }

    private static Task<int> DispatchAsync(TestDatabase db) => db.RunAsync(sp => sp.GetRequiredService<DispatchEvents>().ExecuteAsync(default), TestDatabase.NoOrganization);

    private static Task<List<Alert>> AlertsAsync(TestDatabase db) => db.QueryAsync(c => c.Alerts.AsNoTracking().Where(a => a.Kind == AlertKind.NewDispute).ToListAsync());
}
