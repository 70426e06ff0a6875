using System.Text.Json.Nodes;
using Dso.Domain.Audit;
using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Events;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Pieces;

public class PieceWriterTests
{
    [Fact]
    public async Task ANewPiece_WrittenWithPreparedInserts_IsAuditedAsASaveAuditsOne_AndAnnouncedOnce()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        var client = await db.QueryAsync(c => c.Clients.SingleAsync());
        var user = await db.QueryAsync(c => c.Users.Select(u => u.Id).SingleAsync());
        var events = await db.QueryAsync(c => c.Events.IgnoreQueryFilters().CountAsync());
        var today = new DateOnly(2025, 6, 30);
        PieceValues Values(string number) => new(PieceType.Invoice, number, client.Id, new(2025, 5, 1), new(2025, 5, 31), 1000m, 400m, "EUR", today, new(2025, 7, 15));

        // The same values, one piece added to the change tracker and saved, the other through the writer.
        await db.RunAsync(async sp =>
        {
            sp.GetRequiredService<Tenant>().Act(user, "upsertPieces");
            var context = sp.GetRequiredService<DsoDbContext>();
            var tracked = new Piece(db.OrganizationId, PieceType.Invoice, "F-SAVED", Piece.ApiSource, db.Clock.GetUtcNow());
            tracked.Apply(Values("F-SAVED"), Piece.ApiSource, db.Clock.GetUtcNow());
            context.Pieces.Add(tracked);
            await context.SaveChangesAsync();

            await using var transaction = await context.Database.BeginTransactionAsync();
            using var writer = new PieceWriter(context, db.OrganizationId, Piece.ApiSource, db.Clock.GetUtcNow());
            var (written, count) = await writer.ApplyAsync([Values("F-WRITTEN")], default);
            await transaction.CommitAsync();
            Assert.Equal(1, count);
            Assert.NotEqual(0, Assert.Single(written).Id);
            return 0;
        });

        var entries = await db.QueryAsync(c => c.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Piece)).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        var pieces = await db.QueryAsync(c => c.Pieces.AsNoTracking().OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(pieces.Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), entries.Select(e => e.EntityKey));
        Assert.All(entries, e => Assert.Equal((user, "upsertPieces", AuditChange.Added), (e.UserId!.Value, e.Operation, e.Change)));
        var saved = JsonNode.Parse(entries[0].Values)!.AsObject();
        var written = JsonNode.Parse(entries[1].Values)!.AsObject();
        Assert.Equal("\"F-WRITTEN\"", written["Number"]!["after"]!.ToJsonString());
        saved.Remove("Number");
        written.Remove("Number");
        Assert.Equal(saved.ToJsonString(), written.ToJsonString());
        // One event for the save, one for the writer's batch of new pieces.
        Assert.Equal(events + 2, await db.QueryAsync(c => c.Events.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task ARowTheDatabaseRefuses_FailsAsASaveWould_SoTheCallerRunsItAgainOrRollsBack()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));

        var refused = await db.RunAsync(async sp =>
        {
            var context = sp.GetRequiredService<DsoDbContext>();
            await using var transaction = await context.Database.BeginTransactionAsync();
            using var writer = new PieceWriter(context, db.OrganizationId, "erp", db.Clock.GetUtcNow());
            // No client 999 001: the foreign key refuses the piece.
            var values = new PieceValues(PieceType.Invoice, "F1", 999_001, new(2025, 5, 1), new(2025, 5, 31), 10m, 10m, "EUR", new(2025, 6, 30), null);
            return await Record.ExceptionAsync(() => writer.ApplyAsync([values], default));
        });

        Assert.IsType<DbUpdateException>(refused);
        Assert.Equal(0, await db.QueryAsync(c => c.Pieces.CountAsync()));
        Assert.True((await db.UpsertPiecesAsync(Invoice("F1", "ALPHA", "2025-05-01", "2025-05-31", 10m))).Succeeded);
    }
}
