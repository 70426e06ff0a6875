using System.Data.Common;
using System.Runtime.CompilerServices;
using Dso.Domain.Alerts;
using Dso.Domain.Imports;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dso.Domain.Changes;

/// <summary>
/// Publishes what a save changed once it is committed: at once for a save that commits by itself, at the commit
/// of the transaction it ran in otherwise; a rolled-back transaction publishes nothing. Only watched topics are
/// collected. Rows written in bulk outside the change tracker (the new pieces of a file import) are announced by
/// their import job.
/// </summary>
public sealed class ChangeFeedInterceptor(ChangeFeed feed) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, State> states = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            var saving = db.ChangeTracker.Entries().Where(e => Topic(e) is { } topic && feed.IsWatched(((Common.ITenantOwned)e.Entity).OrganizationId, topic)).ToList();
            if (saving.Count > 0)
            {
                states.GetOrCreateValue(db).Saving = saving;
            }
        }

        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && states.TryGetValue(db, out var state) && state.Saving.Count > 0)
        {
            // Keys of new entities are known now.
            var changes = state.Saving.Select(ChangeOf).ToList();
            state.Saving = [];
            if (db.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
            {
                state.Uncommitted.Add((transaction, changes));
            }
            else
            {
                changes.ForEach(feed.Publish);
            }
        }

        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && states.TryGetValue(db, out var state))
        {
            state.Saving = [];
        }

        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && states.TryGetValue(db, out var state))
        {
            foreach (var (savedIn, changes) in state.Uncommitted.Where(u => u.Transaction == transaction))
            {
                changes.ForEach(feed.Publish);
            }

            // Changes of a transaction that ended otherwise (rolled back or disposed) are dropped with it.
            state.Uncommitted.Clear();
        }

        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && states.TryGetValue(db, out var state))
        {
            state.Uncommitted.Clear();
        }

        return Task.CompletedTask;
    }

    private static ChangeTopic? Topic(EntityEntry entry) => (entry.Entity, entry.State) switch
    {
        (Alert, EntityState.Added) => ChangeTopic.AlertRaised,
        (Piece, EntityState.Added or EntityState.Modified) => ChangeTopic.PieceUpdated,
        (ImportJob, EntityState.Added or EntityState.Modified) => ChangeTopic.ImportJobUpdated,
        _ => null,
    };

    private static Change ChangeOf(EntityEntry entry) => entry.Entity switch
    {
        Alert alert => new Change(alert.OrganizationId, ChangeTopic.AlertRaised, alert.Id, alert.ClientId, alert.Kind),
        Piece piece => new Change(piece.OrganizationId, ChangeTopic.PieceUpdated, piece.Id, piece.ClientId),
        ImportJob job => new Change(job.OrganizationId, ChangeTopic.ImportJobUpdated, job.Id),
        _ => throw new InvalidOperationException($"No change is published for {entry.Metadata.ClrType.Name}."),
    };

    private sealed class State
    {
        public List<EntityEntry> Saving { get; set; } = [];

        public List<(DbTransaction Transaction, List<Change> Changes)> Uncommitted { get; } = [];
    }
}
