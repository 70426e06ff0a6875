using Dso.Domain.Alerts;
using Dso.Domain.Clients;
using Dso.Domain.Events;
using Dso.Domain.Risk;
using Dso.Domain.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Risk;

/// <summary>Clients' risk scored from their pieces through the events (today 30 June 2025), and RISK_DEGRADED.</summary>
public class RiskScoringTests
{
    [Fact]
    public async Task AClient_IsScoredFromItsSettledAndOverdueInvoices_WhenItsPiecesChange()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha", CreditLimit: 2000m));
        // Settled 40 days late (2 000), open 30 days late (1 000), open not due (1 000): (2000 × 40 + 1000 × 30) / 3000 = 36.6667 days.
        await db.UpsertPiecesAsync(Receivables.Invoice("F1", "A", "2025-03-31", "2025-04-30", 2000m, 0m, "2025-06-09"),
            Receivables.Invoice("F2", "A", "2025-05-01", "2025-05-31", 1000m), Receivables.Invoice("F3", "A", "2025-06-15", "2025-07-15", 1000m));
        await DispatchAsync(db);

        var risk = await RiskAsync(db, "A");

        // 40 × (1 − 36.6667/90) = 23.70; overdue 1000/2000: 10; nothing disputed: 15; 2000 of 2000 used: 0; no broken promise: 10.
        Assert.Equal((59, RiskClass.B, db.Clock.GetUtcNow()), (risk.Score, risk.Class, risk.ComputedAt));
        Assert.Equal([36.6667m, 0.5m, 0m, 1m, 0m], risk.Factors.Select(f => f.Value));
        Assert.Equal([23.70m, 10m, 15m, 0m, 10m], risk.Factors.Select(f => f.Points));
        Assert.Empty(await AlertsAsync(db));
    }

    [Fact]
    public async Task ADisputedInvoice_CountsInTheDisputedShare_FromItsQualification()
    {
        await using var db = await WorkedDataset.CreateAsync();
        await DispatchAsync(db);
        var (client, clientId) = await db.QueryAsync(c => c.Pieces.Where(p => p.Number == "F-0301").Join(c.Clients, p => p.ClientId, x => x.Id, (p, x) => new { x.Code, x.Id })
            .Select(x => ValueTuple.Create(x.Code, x.Id)).SingleAsync());
        var before = (await RiskAsync(db, client)).Inputs.DisputedShare;

        await WorkedDataset.QualifyAsync(db, "F-0301", "Litige prix");
        await DispatchAsync(db);

        var (disputed, outstanding) = await db.QueryAsync(async c => (
            await c.Pieces.Where(p => p.Number == "F-0301").Select(p => p.OpenAmount).SingleAsync(),
            await c.Pieces.Where(p => p.ClientId == clientId && p.Type != Dso.Domain.Pieces.PieceType.DownPaymentRequest).SumAsync(p => p.OpenAmount)));
        Assert.Equal(0m, before);
        Assert.Equal(Math.Round(disputed / outstanding, 4), (await RiskAsync(db, client)).Inputs.DisputedShare);
    }

    [Fact]
    public async Task AClassDrop_RaisesOneRiskDegradedAlert_ResolvedWhenTheClassComesBack()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha", CreditLimit: 2000m));
        await db.UpsertPiecesAsync(Receivables.Invoice("F1", "A", "2025-03-31", "2025-04-30", 2000m, 0m, "2025-06-09"),
            Receivables.Invoice("F2", "A", "2025-05-01", "2025-05-31", 1000m), Receivables.Invoice("F3", "A", "2025-06-15", "2025-07-15", 1000m));
        await DispatchAsync(db);

        // 5 000 due 121 days ago: (80 000 + 30 000 + 605 000) / 8 000 = 89.375 days, class C.
        await db.UpsertPiecesAsync(Receivables.Invoice("F4", "A", "2025-02-01", "2025-03-01", 5000m));
        await DispatchAsync(db);
        await ScoreAllAsync(db);
        var degraded = await AlertsAsync(db);
        // The due date corrected: back to class B.
        await db.UpsertPiecesAsync(Receivables.Invoice("F4", "A", "2025-02-01", "2025-07-31", 5000m));
        await DispatchAsync(db);

        var alert = Assert.Single(degraded);
        Assert.Equal((AlertKind.RiskDegraded, "Risk class down from B to C (score 28)."), (alert.Kind, alert.Message));
        Assert.Null(alert.ResolvedAt);
        Assert.Equal(db.Clock.GetUtcNow(), Assert.Single(await AlertsAsync(db)).ResolvedAt);
        Assert.Equal(RiskClass.B, (await RiskAsync(db, "A")).Class);
    }

    [Fact]
    public async Task AnAcknowledgedDrop_LetsTheNextDropRaiseAgain_AndTheRuleTurnedOffRaisesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha"), new ClientInput("B", "Beta"));
        await db.UpsertPiecesAsync(Receivables.Invoice("F1", "A", "2025-05-01", "2025-05-31", 1000m), Receivables.Invoice("G1", "B", "2025-05-01", "2025-05-31", 1000m));
        await DispatchAsync(db);
        var (clientA, user, rule) = await db.QueryAsync(async c => (await c.Clients.Where(x => x.Code == "A").Select(x => x.Id).SingleAsync(), await c.Users.Select(u => u.Id).FirstAsync(),
            await c.AlertRules.Where(r => r.Kind == AlertKind.RiskDegraded).Select(r => r.Id).SingleAsync()));

        // 30 days late (A), then 45 (B), 75 (C) and 95 (D).
        await AtAsync(db, 15);
        await AcknowledgeAsync(db, clientA, user);
        await AtAsync(db, 30);
        await AcknowledgeAsync(db, clientA, user);
        await db.RunAsync(sp => sp.GetRequiredService<UpdateAlertRule>().ExecuteAsync(rule, new AlertRuleInput(false, null, null), default));
        await AtAsync(db, 20);

        // Both clients' first drop; A's second once the first was acknowledged (B's stays open); A's third none, the rule off.
        // 45 days: 40 × (1 − 45/90) + 0 + 15 + 15 + 10 = 60; 75 days: 6.67 + 0 + 15 + 15 + 10 = 46.67.
        var alerts = await AlertsAsync(db);
        Assert.Equal([(clientA, "Risk class down from A to B (score 60)."), (clientA + 1, "Risk class down from A to B (score 60)."), (clientA, "Risk class down from B to C (score 47).")],
            alerts.Select(a => (a.ClientId!.Value, a.Message)));
        Assert.Equal(RiskClass.D, (await RiskAsync(db, "A")).Class);
    }

    private static async Task AtAsync(TestDatabase db, int days)
    {
        db.Clock.Advance(TimeSpan.FromDays(days));
        await ScoreAllAsync(db);
    }

    private static async Task AcknowledgeAsync(TestDatabase db, long client, long user)
    {
        var alert = await db.QueryAsync(c => c.Alerts.Where(a => a.ClientId == client && a.Kind == AlertKind.RiskDegraded && a.AcknowledgedAt == null).Select(a => a.Id).SingleAsync());
        await db.RunAsync(sp => sp.GetRequiredService<AcknowledgeAlert>().ExecuteAsync(alert, user, default));
    }

    private static Task<ClientRisk> RiskAsync(TestDatabase db, string code) =>
        db.QueryAsync(c => c.ClientRisks.AsNoTracking().Where(r => c.Clients.Any(x => x.Id == r.ClientId && x.Code == code)).SingleAsync());

    private static Task<List<Alert>> AlertsAsync(TestDatabase db) =>
        db.QueryAsync(c => c.Alerts.AsNoTracking().Where(a => a.Kind == AlertKind.RiskDegraded).OrderBy(a => a.Id).ToListAsync());

    private static Task<int> ScoreAllAsync(TestDatabase db) => db.RunAsync(sp => sp.GetRequiredService<ScoreClients>().ExecuteAsync(null, default));

    private static Task<int> DispatchAsync(TestDatabase db) => db.RunAsync(sp => sp.GetRequiredService<DispatchEvents>().ExecuteAsync(default), TestDatabase.NoOrganization);
}
