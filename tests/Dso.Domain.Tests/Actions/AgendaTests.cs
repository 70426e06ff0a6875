using Dso.Domain.Actions;
using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Common.Paging;
using Dso.Domain.Scenarios;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Actions;

public class AgendaTests
{
    [Fact]
    public async Task TheAgenda_ListsPlannedActionsDueByTheDate_OldestFirst_ThenLargestAmount()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 10));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha SAS"), new ClientInput("B", "Beta SA"), new ClientInput("C", "Gamma SA"));
        await db.UpsertPiecesAsync(Invoice("FA", "A", "2025-05-01", "2025-06-01", 100m), Invoice("FB", "B", "2025-05-01", "2025-06-01", 900m),
            Invoice("FC", "C", "2025-05-01", "2025-06-01", 500m));
        var (a, b, c, user) = await db.QueryAsync(async x => (
            await Piece(x, "FA"), await Piece(x, "FB"), await Piece(x, "FC"), await x.Users.Select(u => u.Id).FirstAsync()));
        await Plan(db, "A", a, new DateOnly(2025, 6, 12), user);
        await Plan(db, "B", b, new DateOnly(2025, 6, 12), user);
        await Plan(db, "C", c, new DateOnly(2025, 6, 11), user);
        var later = await Plan(db, "C", c, new DateOnly(2025, 6, 20), user);

        var agenda = await Agenda(db, new DateOnly(2025, 6, 12));

        Assert.Equal(["C", "B", "A"], agenda);
        var done = await db.RunAsync(sp => sp.GetRequiredService<CompleteAction>().ExecuteAsync(later.Value!.Id, "Appelé", user, default));
        var again = await db.RunAsync(sp => sp.GetRequiredService<CompleteAction>().ExecuteAsync(later.Value!.Id, null, user, default));
        Assert.Equal(ActionState.Done, done.Value!.State);
        Assert.Equal(UserErrorCode.Conflict, again.Errors.Single().Code);
        Assert.Equal(["C", "B", "A"], await Agenda(db, new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public async Task ASpecificAction_RefusesAnotherClientsPieceAndAPastDate()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 10));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha SAS"), new ClientInput("B", "Beta SA"));
        await db.UpsertPiecesAsync(Invoice("FB", "B", "2025-05-01", "2025-06-01", 100m));
        var (clientA, pieceB) = await db.QueryAsync(async x => (await x.Clients.Where(c => c.Code == "A").Select(c => c.Id).SingleAsync(), await Piece(x, "FB")));

        var result = await db.RunAsync(sp => sp.GetRequiredService<CreateSpecificAction>().ExecuteAsync(
            new SpecificActionRequest(clientA, [pieceB], Channel.Call, new DateOnly(2025, 6, 1), null, null), 1, default));

        Assert.Equal(["pieceIds.0", "dueDate"], result.Errors.Select(e => string.Join('.', e.Field)));
        Assert.Equal(0, await db.QueryAsync(x => x.Actions.CountAsync()));
    }

    private static Task<long> Piece(Dso.Domain.Persistence.DsoDbContext db, string number) => db.Pieces.Where(p => p.Number == number).Select(p => p.Id).SingleAsync();

    [Fact]
    public async Task ACollectorsAgenda_HoldsTheirPortfoliosClients_AndWhatIsAssignedToThem()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 10));
        await db.UpsertClientsAsync(new ClientInput("A", "Alpha SAS"), new ClientInput("B", "Beta SA"), new ClientInput("C", "Gamma SA"));
        await db.UpsertPiecesAsync(Invoice("FA", "A", "2025-05-01", "2025-06-01", 100m), Invoice("FB", "B", "2025-05-01", "2025-06-01", 900m),
            Invoice("FC", "C", "2025-05-01", "2025-06-01", 500m));
        await db.RunAsync(sp => sp.GetRequiredService<CreateApiKey>().ExecuteAsync(db.OrganizationId, Role.Collector, default), TestDatabase.NoOrganization);
        var (a, b, c, admin, collector, alpha, gamma) = await db.QueryAsync(async x => (
            await Piece(x, "FA"), await Piece(x, "FB"), await Piece(x, "FC"), await x.Users.MinAsync(u => u.Id), await x.Users.MaxAsync(u => u.Id),
            await x.Clients.Where(k => k.Code == "A").Select(k => k.Id).SingleAsync(), await x.Clients.Where(k => k.Code == "C").Select(k => k.Id).SingleAsync()));
        await db.RunAsync(sp => sp.GetRequiredService<AssignClients>().ExecuteAsync(collector, [alpha], unassign: false, default));
        await Plan(db, "A", a, new DateOnly(2025, 6, 12), admin);
        await Plan(db, "B", b, new DateOnly(2025, 6, 12), admin);
        await db.RunAsync(sp => sp.GetRequiredService<CreateSpecificAction>().ExecuteAsync(
            new SpecificActionRequest(gamma, [c], Channel.Call, new DateOnly(2025, 6, 12), collector, null), admin, default));

        var theirs = await Agenda(db, new DateOnly(2025, 6, 12), new Principal(db.OrganizationId, collector, Role.Collector));
        var everything = await Agenda(db, new DateOnly(2025, 6, 12));

        Assert.Equal(["C", "A"], theirs);
        Assert.Equal(["B", "C", "A"], everything);
    }

    private static async Task<Outcome<CollectionAction>> Plan(TestDatabase db, string client, long piece, DateOnly due, long user)
    {
        var clientId = await db.QueryAsync(x => x.Clients.Where(c => c.Code == client).Select(c => c.Id).SingleAsync());
        // Plans are made ahead: the clock is before every due date here.
        return await db.RunAsync(sp => sp.GetRequiredService<CreateSpecificAction>().ExecuteAsync(new SpecificActionRequest(clientId, [piece], Channel.Call, due, null, null), user, default));
    }

    private static Task<List<string>> Agenda(TestDatabase db, DateOnly date, Principal? user = null) => db.RunAsync(async sp =>
    {
        var page = await sp.GetRequiredService<ListAgenda>().ExecuteAsync(
            user ?? new Principal(db.OrganizationId, 0, Role.Admin), date, null, new PageRequest(50, null, null, null), default);
        var clients = await sp.GetRequiredService<Dso.Domain.Persistence.DsoDbContext>().Clients.ToDictionaryAsync(c => c.Id, c => c.Code);
        return page.Edges.Select(e => clients[e.Node.Action.ClientId]).ToList();
    });
}
