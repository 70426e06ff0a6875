using Dso.Domain.Alerts;
using Dso.Domain.Changes;
using Dso.Domain.Clients;
using Dso.Domain.Persistence;
using Dso.Domain.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Changes;

public class ChangeFeedTests
{
    [Fact]
    public async Task ASavedPiece_IsAnnouncedOnceCommitted_WithItsClient_ToWatchersOfItsOrganizationOnly()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ACME", "Acme"));
        var other = await db.CreateOrganizationAsync("Other SAS");
        var feed = await db.RunAsync(sp => Task.FromResult(sp.GetRequiredService<ChangeFeed>()));
        using var mine = feed.Watch(db.OrganizationId, ChangeTopic.PieceUpdated, _ => true);
        using var theirs = feed.Watch(other, ChangeTopic.PieceUpdated, _ => true);

        var piece = (await db.UpsertPiecesAsync(Invoice("F-1", "ACME", "2025-06-01", "2025-06-30", 100m))).Value!.Single();

        var change = Assert.Single(Drain(mine));
        Assert.Equal(new Change(db.OrganizationId, ChangeTopic.PieceUpdated, piece.Id, piece.ClientId), change);
        Assert.Empty(Drain(theirs));
    }

    [Fact]
    public async Task ChangesSavedInATransaction_AreAnnouncedAtItsCommit_AndNeverWhenItRollsBack()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ACME", "Acme"));
        var clientId = await db.QueryAsync(c => c.Clients.Select(x => x.Id).SingleAsync());
        var feed = await db.RunAsync(sp => Task.FromResult(sp.GetRequiredService<ChangeFeed>()));
        using var watcher = feed.Watch(db.OrganizationId, ChangeTopic.AlertRaised, _ => true);

        var (beforeCommit, afterCommit) = await db.RunAsync(async sp =>
        {
            var context = sp.GetRequiredService<DsoDbContext>();
            await using var transaction = await context.Database.BeginTransactionAsync();
            context.Alerts.Add(new Alert(db.OrganizationId, AlertKind.NotDunned, clientId, "Committed", db.Clock.GetUtcNow()));
            await context.SaveChangesAsync();
            var before = Drain(watcher);
            await transaction.CommitAsync();
            return (before, Drain(watcher));
        });
        var rolledBack = await db.RunAsync(async sp =>
        {
            var context = sp.GetRequiredService<DsoDbContext>();
            await using var transaction = await context.Database.BeginTransactionAsync();
            context.Alerts.Add(new Alert(db.OrganizationId, AlertKind.NotDunned, clientId, "Rolled back", db.Clock.GetUtcNow()));
            await context.SaveChangesAsync();
            await transaction.RollbackAsync();
            return Drain(watcher);
        });

        Assert.Empty(beforeCommit);
        Assert.Equal(AlertKind.NotDunned, Assert.Single(afterCommit).AlertKind);
        Assert.Empty(rolledBack);
    }

    [Fact]
    public async Task TheBrokenPromiseRule_AnnouncesEachAlertItRaises()
    {
        await using var db = await WorkedDataset.CreateAsync();
        var feed = await db.RunAsync(sp => Task.FromResult(sp.GetRequiredService<ChangeFeed>()));
        using var watcher = feed.Watch(db.OrganizationId, ChangeTopic.AlertRaised, c => c.AlertKind == AlertKind.BrokenPromise);

        var raised = await db.RunAsync(sp => sp.GetRequiredService<RaiseBrokenPromises>().ExecuteAsync(new DateOnly(2025, 7, 6), default));

        Assert.Equal(raised.Select(a => (a.Id, a.ClientId)), Drain(watcher).Select(c => (c.EntityId, c.ClientId)));
    }

    [Fact]
    public void ASubscriberThatFallsBehind_LosesItsOldestChanges_AndIsForgottenOnceDisposed()
    {
        var feed = new ChangeFeed(capacity: 2);
        var watcher = feed.Watch(7, ChangeTopic.PieceUpdated, c => c.ClientId == 1);

        foreach (var id in new long[] { 1, 2, 3 })
        {
            feed.Publish(new Change(7, ChangeTopic.PieceUpdated, id, ClientId: 1));
        }

        feed.Publish(new Change(7, ChangeTopic.PieceUpdated, 4, ClientId: 2));
        Assert.True(feed.IsWatched(7, ChangeTopic.PieceUpdated));
        Assert.False(feed.IsWatched(7, ChangeTopic.AlertRaised));
        Assert.Equal([2L, 3L], Drain(watcher).Select(c => c.EntityId));
        Assert.Equal(1, watcher.Dropped);

        watcher.Dispose();
        Assert.False(feed.IsWatched(7, ChangeTopic.PieceUpdated));
    }

    private static List<Change> Drain(ChangeSubscription subscription)
    {
        var changes = new List<Change>();
        while (subscription.Changes.TryRead(out var change))
        {
            changes.Add(change);
        }

        return changes;
    }
}
