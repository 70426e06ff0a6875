using System.Runtime.CompilerServices;
using System.Data.Common;
using Dso.Domain.Alerts;
using Dso.Domain.Clients;
using Dso.Domain.Imports;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dso.Domain.Events;

/// <summary>
/// Writes the events of a save as rows in the saving transaction (every save runs in one: see
/// <see cref="DsoDbContext"/>): what changed is read before saving, the rows are written once new entities have
/// their keys. The pieces of one save make one event. Rows written in bulk outside the change tracker (an import's
/// new pieces) write their events with <see cref="EventWriter"/>. Each commit wakes this process's dispatcher.
/// </summary>
public sealed class EventRecorder(EventSignal signal, TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<(EntityEntry Entry, EventTopic Topic)>> saving = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            var entries = db.ChangeTracker.Entries().Select(e => (Entry: e, Topic: Topic(e))).Where(e => e.Topic is not null).Select(e => (e.Entry, e.Topic!.Value)).ToList();
            if (entries.Count > 0)
            {
                saving.AddOrUpdate(db, entries);
            }
        }

        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DsoDbContext db && saving.TryGetValue(db, out var entries))
        {
            saving.Remove(db);
            using var writer = new EventWriter(db);
            foreach (var domainEvent in EventsOf(entries, clock.GetUtcNow()))
            {
                await writer.WriteAsync(domainEvent, cancellationToken);
            }
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            saving.Remove(db);
        }

        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Raise();
        return Task.CompletedTask;
    }

    private static EventTopic? Topic(EntityEntry entry) => (entry.Entity, entry.State) switch
    {
        (Alert, EntityState.Added) => EventTopic.AlertRaised,
        (Piece, EntityState.Added or EntityState.Modified) => EventTopic.PieceUpdated,
        (Client, EntityState.Added or EntityState.Modified) => EventTopic.ClientUpdated,
        (StatusChange, EntityState.Added) => EventTopic.PieceQualified,
        (ImportJob, EntityState.Added or EntityState.Modified) => EventTopic.ImportJobUpdated,
        (Connections.SyncRun, EntityState.Added or EntityState.Modified) => EventTopic.SyncRunUpdated,
        (ApiKey or User, EntityState.Modified) => EventTopic.AccessChanged,
        (Messaging.Message { State: Messaging.MessageState.Failed }, EntityState.Added) => EventTopic.MessageFailed,
        (Messaging.Message { State: Messaging.MessageState.Failed }, EntityState.Modified)
            when entry.Property(nameof(Messaging.Message.State)).OriginalValue is not Messaging.MessageState.Failed => EventTopic.MessageFailed,
        _ => null,
    };

    private static IEnumerable<DomainEvent> EventsOf(List<(EntityEntry Entry, EventTopic Topic)> entries, DateTimeOffset now)
    {
        foreach (var pieces in entries.Where(e => e.Topic == EventTopic.PieceUpdated).Select(e => (Piece)e.Entry.Entity).GroupBy(p => p.OrganizationId))
        {
            yield return DomainEvent.OfBatch(pieces.Key, EventTopic.PieceUpdated, pieces.Select(p => (p.Id, (long?)p.ClientId)).ToList(), now);
        }

        foreach (var clients in entries.Where(e => e.Topic == EventTopic.ClientUpdated).Select(e => (Client)e.Entry.Entity).GroupBy(c => c.OrganizationId))
        {
            yield return DomainEvent.OfBatch(clients.Key, EventTopic.ClientUpdated, clients.Select(c => (c.Id, (long?)c.Id)).ToList(), now);
        }

        foreach (var (entry, _) in entries.Where(e => e.Topic is not (EventTopic.PieceUpdated or EventTopic.ClientUpdated)))
        {
            yield return entry.Entity switch
            {
                Alert alert => DomainEvent.Of(alert.OrganizationId, EventTopic.AlertRaised, alert.Id, alert.ClientId, now, alert.Kind.ToString()),
                StatusChange change => DomainEvent.Of(change.OrganizationId, EventTopic.PieceQualified, change.Id, null, now),
                ImportJob job => DomainEvent.Of(job.OrganizationId, EventTopic.ImportJobUpdated, job.Id, null, now),
                Connections.SyncRun run => DomainEvent.Of(run.OrganizationId, EventTopic.SyncRunUpdated, run.Id, null, now, run.ErpConnectionId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ApiKey key => DomainEvent.Of(key.OrganizationId, EventTopic.AccessChanged, key.Id, null, now, nameof(ApiKey)),
                User user => DomainEvent.Of(user.OrganizationId, EventTopic.AccessChanged, user.Id, null, now, nameof(User)),
                Messaging.Message message => DomainEvent.Of(message.OrganizationId, EventTopic.MessageFailed, message.Id, message.ClientId, now),
                _ => throw new InvalidOperationException($"No event is written for {entry.Metadata.ClrType.Name}."),
            };
        }
    }
}
