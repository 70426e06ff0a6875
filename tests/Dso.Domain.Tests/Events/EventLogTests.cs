using Dso.Domain.Alerts;
using Dso.Domain.Clients;
using Dso.Domain.Events;
using Dso.Domain.Persistence;
using Dso.Domain.Tests.Imports;
using Dso.Domain.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Events;

public class EventLogTests
{
    [Fact]
    public async Task ASavedPiece_WritesAnEvent_DeliveredWithItsClient_ToWatchersOfItsOrganizationOnly()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ACME", "Acme"));
        var other = await db.CreateOrganizationAsync("Other SAS");
        var feed = await StartAsync(db);
        using var mine = feed.Watch(db.OrganizationId, EventTopic.PieceUpdated, _ => true);
        using var theirs = feed.Watch(other, EventTopic.PieceUpdated, _ => true);

        var piece = (await db.UpsertPiecesAsync(Invoice("F-1", "ACME", "2025-06-01", "2025-06-30", 100m))).Value!.Single();
        await DeliverAsync(db);

        Assert.Equal(new Change(db.OrganizationId, EventTopic.PieceUpdated, piece.Id, piece.ClientId), Assert.Single(Drain(mine)));
        Assert.Empty(Drain(theirs));
    }

    [Fact]
    public async Task EventsAreWrittenInTheTransactionOfTheChange_DeliveredOnceCommitted_AndNeverWhenItRollsBack()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ACME", "Acme"));
        var clientId = await db.QueryAsync(c => c.Clients.Select(x => x.Id).SingleAsync());
        var feed = await StartAsync(db);
        using var watcher = feed.Watch(db.OrganizationId, EventTopic.AlertRaised, _ => true);

        var (beforeCommit, afterCommit) = await db.RunAsync(async sp =>
        {
            var context = sp.GetRequiredService<DsoDbContext>();
            await using var transaction = await context.Database.BeginTransactionAsync();
            context.Alerts.Add(new Alert(db.OrganizationId, AlertKind.NotDunned, clientId, "Committed", db.Clock.GetUtcNow()));
            await context.SaveChangesAsync();
            await DeliverAsync(db);
            var before = Drain(watcher);
            await transaction.CommitAsync();
            await DeliverAsync(db);
            return (before, Drain(watcher));
        });
        var rolledBack = await db.RunAsync(async sp =>
        {
            var context = sp.GetRequiredService<DsoDbContext>();
            await using var transaction = await context.Database.BeginTransactionAsync();
            context.Alerts.Add(new Alert(db.OrganizationId, AlertKind.OverCreditLimit, clientId, "Rolled back", db.Clock.GetUtcNow()));
            await context.SaveChangesAsync();
            await transaction.RollbackAsync();
            await DeliverAsync(db);
            return Drain(watcher);
        });

        Assert.Empty(beforeCommit);
        Assert.Equal(AlertKind.NotDunned, Assert.Single(afterCommit).AlertKind);
        Assert.Empty(rolledBack);
        Assert.Equal(1, await db.QueryAsync(c => c.Events.CountAsync(e => e.Topic == EventTopic.AlertRaised)));
    }

    [Fact]
    public async Task TheBrokenPromiseRule_AnnouncesEachAlertItRaises()
    {
        await using var db = await WorkedDataset.CreateAsync();
        var feed = await StartAsync(db);
        using var watcher = feed.Watch(db.OrganizationId, EventTopic.AlertRaised, c => c.AlertKind == AlertKind.BrokenPromise);

        var raised = await db.RunAsync(sp => sp.GetRequiredService<RaiseBrokenPromises>().ExecuteAsync(new DateOnly(2025, 7, 6), default));
        await DeliverAsync(db);

        Assert.Equal(raised.Select(a => (a.Id, a.ClientId)), Drain(watcher).Select(c => (c.EntityId, c.ClientId)));
    }

    [Fact]
    public async Task ThePiecesAnImportInserts_AreEachAnnounced_FromOneEventPerBatch()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        var feed = await StartAsync(db);
        using var watcher = feed.Watch(db.OrganizationId, EventTopic.PieceUpdated, _ => true);

        await db.ImportFileAsync(Imports.Imports.SageSample);
        await DeliverAsync(db);

        var pieces = await db.QueryAsync(c => c.Pieces.OrderBy(p => p.Id).Select(p => new { p.Id, p.ClientId }).ToListAsync());
        Assert.Equal(pieces.Select(p => (p.Id, (long?)p.ClientId)), Drain(watcher).Select(c => (c.EntityId, c.ClientId)));
        Assert.Equal(1, await db.QueryAsync(c => c.Events.CountAsync(e => e.Topic == EventTopic.PieceUpdated)));
    }

    [Fact]
    public void ASubscriberThatFallsBehind_LosesItsOldestChanges_AndIsForgottenOnceDisposed()
    {
        var feed = new InProcessChangeFeed(capacity: 2);
        var watcher = feed.Watch(7, EventTopic.PieceUpdated, c => c.ClientId == 1);

        foreach (var id in new long[] { 1, 2, 3 })
        {
            feed.Publish(new Change(7, EventTopic.PieceUpdated, id, ClientId: 1));
        }

        feed.Publish(new Change(7, EventTopic.PieceUpdated, 4, ClientId: 2));
        Assert.True(feed.IsWatched(7, EventTopic.PieceUpdated));
        Assert.False(feed.IsWatched(7, EventTopic.AlertRaised));
        Assert.Equal([2L, 3L], Drain(watcher).Select(c => c.EntityId));
        Assert.Equal(1, watcher.Dropped);

        watcher.Dispose();
        Assert.False(feed.IsWatched(7, EventTopic.PieceUpdated));
    }

    [Fact]
    public async Task HandledEvents_ArePrunedAfterTheRetention_OnlyOnceEveryProcessorHasHandledThem()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ACME", "Acme"));
        await db.UpsertPiecesAsync(Invoice("F-1", "ACME", "2025-06-01", "2025-06-30", 100m));
        var prune = () => db.RunAsync(sp => sp.GetRequiredService<PruneEvents>().ExecuteAsync(default));

        db.Clock.Advance(TimeSpan.FromDays(8));
        await db.UpsertPiecesAsync(Invoice("F-2", "ACME", "2025-06-01", "2025-06-30", 100m));
        var beforeHandling = await prune();
        await db.RunAsync(sp => sp.GetRequiredService<DispatchEvents>().ExecuteAsync(default));
        var afterHandling = await prune();

        Assert.Equal(0, beforeHandling);
        Assert.True(afterHandling > 0);
        Assert.Equal(1, await db.QueryAsync(c => c.Events.CountAsync()));
    }

    internal static Task<IChangeFeed> StartAsync(TestDatabase db) => db.RunAsync(async sp =>
    {
        await sp.GetRequiredService<ChangeFanOut>().StartAsync(sp.GetRequiredService<DsoDbContext>(), default);
        return sp.GetRequiredService<IChangeFeed>();
    });

    internal static Task<int> DeliverAsync(TestDatabase db) =>
        db.RunAsync(sp => sp.GetRequiredService<ChangeFanOut>().DeliverAsync(sp.GetRequiredService<DsoDbContext>(), default));

    internal static List<Change> Drain(ChangeSubscription subscription)
    {
        var changes = new List<Change>();
        while (subscription.Changes.TryRead(out var change))
        {
            changes.Add(change);
        }

        return changes;
    }
}
