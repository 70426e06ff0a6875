using Dso.Domain.Actions;
using Dso.Domain.Alerts;
using Dso.Domain.Clients;
using Dso.Domain.Events;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Alerts;

/// <summary>OVER_CREDIT_LIMIT, NOT_DUNNED and CREDIT_REVIEW_DUE on worked cases (today 30 June 2025): raised once, resolved when the condition clears.</summary>
public class ClientAlertRuleTests
{
    [Fact]
    public async Task AClientOverItsCreditLimit_GetsOneAlert_ResolvedOnceAPaymentBringsItUnder()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha", CreditLimit: 1000m));
        await db.UpsertPiecesAsync(Receivables.Invoice("F1", "A", "2025-06-01", "2025-07-01", 1500m));

        var first = await EvaluateAsync(db);
        var again = await EvaluateAsync(db);
        await db.UpsertPiecesAsync(Receivables.Invoice("F1", "A", "2025-06-01", "2025-07-01", 1500m, 900m));
        var paid = await EvaluateAsync(db);

        Assert.Equal(((1, 0), (0, 0), (0, 1)), (first, again, paid));
        var alert = Assert.Single(await AlertsAsync(db, AlertKind.OverCreditLimit));
        Assert.Equal(("Outstanding 1,500.00 EUR is above the credit limit of 1,000.00 EUR.", db.Clock.GetUtcNow()), (alert.Message, alert.ResolvedAt));
    }

    [Fact]
    public async Task AnOverdueClient_NoActionDoneForFifteenDays_IsNotDunned_UntilAnActionIsDone()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha"), new ClientInput("B", "Beta"), new ClientInput("C", "Gamma"));
        // A's oldest overdue piece is due 15 days ago (the rule's days): not dunned. B's 14 days ago: not yet. C owes nothing overdue.
        await db.UpsertPiecesAsync(Receivables.Invoice("F1", "A", "2025-05-15", "2025-06-15", 800m), Receivables.Invoice("F2", "B", "2025-05-16", "2025-06-16", 800m),
            Receivables.Invoice("F3", "C", "2025-06-20", "2025-07-20", 800m));

        await EvaluateAsync(db);
        var raised = await AlertsAsync(db, AlertKind.NotDunned);
        var (client, user) = await db.QueryAsync(async c => (await c.Clients.Where(x => x.Code == "A").Select(x => x.Id).SingleAsync(), await c.Users.Select(u => u.Id).FirstAsync()));
        var call = await db.RunAsync(sp => sp.GetRequiredService<CreateSpecificAction>().ExecuteAsync(new SpecificActionRequest(client, [], Channel.Call, new DateOnly(2025, 6, 30), null, null), user, default));
        await db.RunAsync(sp => sp.GetRequiredService<CompleteAction>().ExecuteAsync(call.Value!.Id, "Appelé", user, default));
        var afterCall = await EvaluateAsync(db);

        var alert = Assert.Single(raised);
        Assert.Equal(((long?)client, "800.00 EUR overdue since 2025-06-15 and no action done in 15 days."), (alert.ClientId, alert.Message));
        Assert.Equal((0, 1), afterCall);
    }

    [Fact]
    public async Task ACreditLimitWhoseReviewDateHasCome_IsDueForReview_AndAnotherDateResolvesIt_AndARuleTurnedOffRaisesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha", CreditLimit: 5000m, CreditLimitReviewDate: new DateOnly(2025, 6, 30)),
            new ClientInput("B", "Beta", CreditLimit: 5000m, CreditLimitReviewDate: new DateOnly(2025, 7, 1)));

        var due = await EvaluateAsync(db);
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha", CreditLimit: 5000m, CreditLimitReviewDate: new DateOnly(2025, 12, 31)));
        var reviewed = await EvaluateAsync(db);
        var rule = await db.QueryAsync(c => c.AlertRules.Where(r => r.Kind == AlertKind.CreditReviewDue).Select(r => r.Id).SingleAsync());
        await db.RunAsync(sp => sp.GetRequiredService<UpdateAlertRule>().ExecuteAsync(rule, new AlertRuleInput(false, null, null), default));
        db.Clock.Advance(TimeSpan.FromDays(1));
        var off = await EvaluateAsync(db);

        Assert.Equal(((1, 0), (0, 1), (0, 0)), (due, reviewed, off));
        Assert.Equal("The credit limit is due for review since 2025-06-30.", Assert.Single(await AlertsAsync(db, AlertKind.CreditReviewDue)).Message);
    }

    [Fact]
    public async Task APaymentRecorded_ResolvesTheAlert_ThroughTheEventOfItsPieces()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha", CreditLimit: 1000m));
        await db.UpsertPiecesAsync(Receivables.Invoice("F1", "A", "2025-06-01", "2025-07-01", 1500m));
        await DispatchAsync(db);
        var raised = await AlertsAsync(db, AlertKind.OverCreditLimit);

        await db.UpsertPiecesAsync(Receivables.Invoice("F1", "A", "2025-06-01", "2025-07-01", 1500m, 0m));
        await DispatchAsync(db);

        Assert.Null(Assert.Single(raised).ResolvedAt);
        Assert.NotNull(Assert.Single(await AlertsAsync(db, AlertKind.OverCreditLimit)).ResolvedAt);
    }

    [Fact]
    public async Task ACreditLimitLoweredThroughTheApi_RaisesTheAlert_ThroughTheClientsEvent()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha", CreditLimit: 5000m));
        await db.UpsertPiecesAsync(Receivables.Invoice("F1", "A", "2025-06-01", "2025-07-01", 1500m));
        await DispatchAsync(db);
        var before = await AlertsAsync(db, AlertKind.OverCreditLimit);

        await db.UpsertClientsAsync(new ClientInput("A", "Alpha", CreditLimit: 1000m));
        await DispatchAsync(db);

        Assert.Empty(before);
        Assert.Equal("Outstanding 1,500.00 EUR is above the credit limit of 1,000.00 EUR.", Assert.Single(await AlertsAsync(db, AlertKind.OverCreditLimit)).Message);
    }

    [Fact]
    public async Task ManyEvaluationsAtOnce_RaiseOneOpenAlertPerRuleAndClient()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha", CreditLimit: 1000m));
        await db.UpsertPiecesAsync(Receivables.Invoice("F1", "A", "2025-05-01", "2025-05-31", 1500m));

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => EvaluateAsync(db)));

        Assert.Equal(2, runs.Sum(r => r.Raised));
        Assert.Equal([AlertKind.NotDunned, AlertKind.OverCreditLimit], (await db.QueryAsync(c => c.Alerts.AsNoTracking().Select(a => a.Kind).ToListAsync())).Order());
    }

    private static Task<(int Raised, int Resolved)> EvaluateAsync(TestDatabase db) =>
        db.RunAsync(sp => sp.GetRequiredService<EvaluateClientAlerts>().ExecuteAsync(null, default));

    private static Task<int> DispatchAsync(TestDatabase db) => db.RunAsync(sp => sp.GetRequiredService<DispatchEvents>().ExecuteAsync(default), TestDatabase.NoOrganization);

    private static Task<List<Alert>> AlertsAsync(TestDatabase db, AlertKind kind) => db.QueryAsync(c => c.Alerts.AsNoTracking().Where(a => a.Kind == kind).ToListAsync());
}
