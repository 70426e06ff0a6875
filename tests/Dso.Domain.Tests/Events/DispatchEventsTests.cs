using Dso.Domain.Clients;
using Dso.Domain.Events;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Events;

public class DispatchEventsTests
{
    [Fact]
    public async Task ABacklog_IsHandledInRuns_EachEffectOnce_ATransientFailureRetried_AndAPoisonedEventPassedOver()
    {
        var faults = new Faults();
        await using var db = await TestDatabase.CreateAsync(configure: s => s.AddScoped<IEventProcessor>(sp => new RecordingProcessor(sp.GetRequiredService<DsoDbContext>(), faults)));
        await db.QueryAsync(c => c.Database.ExecuteSqlRawAsync("CREATE TABLE test_effects (event_id INTEGER NOT NULL, transaction_id TEXT NOT NULL)"));
        for (var i = 0; i < 120; i++)
        {
            await db.UpsertClientsAsync(new ClientInput($"C{i}", $"Client {i}"));
        }

        var events = await db.QueryAsync(c => c.Events.IgnoreQueryFilters().Where(e => e.Topic == EventTopic.ClientUpdated).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        (faults.Transient, faults.Poisoned) = (events[10], events[70]);

        // The first round stops at the transient failure, each next one at the poisoned event, until it is passed over.
        for (var round = 0; round <= DispatchEvents.MaxFailures; round++)
        {
            await db.RunAsync(sp => sp.GetRequiredService<DispatchEvents>().ExecuteAsync(default), TestDatabase.NoOrganization);
        }

        var effects = await db.QueryAsync(c => c.Database.SqlQueryRaw<Effect>("SELECT event_id AS EventId, transaction_id AS TransactionId FROM test_effects").ToListAsync());
        var position = await db.QueryAsync(c => c.EventConsumers.AsNoTracking().SingleAsync(p => p.Name == RecordingProcessor.Key));

        Assert.Equal(events.Where(e => e != faults.Poisoned).Order(), effects.Select(e => e.EventId).Order());
        Assert.Equal((2, DispatchEvents.MaxFailures), (faults.Attempts(faults.Transient), faults.Attempts(faults.Poisoned)));
        Assert.True(effects.Select(e => e.TransactionId).Distinct().Count() < effects.Count / 4, $"{effects.Select(e => e.TransactionId).Distinct().Count()} transactions for {effects.Count} events");
        Assert.True(position.Position >= events[^1]);
        Assert.Equal(0, position.Failures);
    }

    [Fact]
    public async Task HeavyEvents_AreCommittedOneByOne_SoTheyDoNotHoldTheWriteLock()
    {
        var faults = new Faults();
        await using var db = await TestDatabase.CreateAsync(configure: s => s.AddScoped<IEventProcessor>(sp => new RecordingProcessor(sp.GetRequiredService<DsoDbContext>(), faults)));
        await db.QueryAsync(c => c.Database.ExecuteSqlRawAsync("CREATE TABLE test_effects (event_id INTEGER NOT NULL, transaction_id TEXT NOT NULL)"));
        for (var i = 0; i < 6; i++)
        {
            await db.UpsertClientsAsync(new ClientInput($"C{i}", $"Client {i}"));
        }

        // Each event takes longer than a transaction's time.
        faults.Work = () => db.Clock.Advance(DispatchEvents.RunTime + TimeSpan.FromMilliseconds(1));
        await db.RunAsync(sp => sp.GetRequiredService<DispatchEvents>().ExecuteAsync(default), TestDatabase.NoOrganization);

        var effects = await db.QueryAsync(c => c.Database.SqlQueryRaw<Effect>("SELECT event_id AS EventId, transaction_id AS TransactionId FROM test_effects").ToListAsync());
        Assert.Equal(6, effects.Count);
        Assert.Equal(6, effects.Select(e => e.TransactionId).Distinct().Count());
    }

    private sealed record Effect(long EventId, string TransactionId);

    /// <summary>Which events fail: one the first time only, one every time; and how often each was tried.</summary>
    private sealed class Faults
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<long, int> attempts = new();

        public long Transient { get; set; }

        public long Poisoned { get; set; }

        /// <summary>What handling an event does besides its effect (the time it takes).</summary>
        public Action? Work { get; set; }

        public int Attempts(long eventId) => attempts.GetValueOrDefault(eventId);

        public void Try(long eventId)
        {
            var attempt = attempts.AddOrUpdate(eventId, 1, (_, n) => n + 1);
            Work?.Invoke();
            if (eventId == Poisoned || (eventId == Transient && attempt == 1))
            {
                throw new InvalidOperationException($"event {eventId} fails (attempt {attempt}).");
            }
        }
    }

    /// <summary>Writes a row per client event, in the transaction that advances its position.</summary>
    private sealed class RecordingProcessor(DsoDbContext db, Faults faults) : IEventProcessor
    {
        public const string Key = "test.recording";

        public string Name => Key;

        public bool Handles(EventTopic topic) => topic == EventTopic.ClientUpdated;

        public async Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
        {
            var transaction = db.Database.CurrentTransaction!.TransactionId.ToString();
            await db.Database.ExecuteSqlAsync($"INSERT INTO test_effects (event_id, transaction_id) VALUES ({domainEvent.Id}, {transaction})", cancellationToken);
            faults.Try(domainEvent.Id);
        }
    }
}
