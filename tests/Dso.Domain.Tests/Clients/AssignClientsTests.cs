using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Clients;

public class AssignClientsTests
{
    [Fact]
    public async Task AClientHasOneCollector_GivingItToAnotherMovesIt_WhileSalesRepsShare()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"), new ClientInput("BETA", "Beta SARL"));
        var (first, second, rep) = (await UserAsync(db, Role.Collector), await UserAsync(db, Role.Collector), await UserAsync(db, Role.SalesRep));
        var (alpha, beta) = await db.QueryAsync(async c => (await c.Clients.SingleAsync(x => x.Code == "ALPHA"), await c.Clients.SingleAsync(x => x.Code == "BETA")));

        await Assign(db, first, [alpha.Id, beta.Id]);
        await Assign(db, rep, [alpha.Id]);
        await Assign(db, second, [alpha.Id]);

        var portfolios = await db.QueryAsync(c => c.ClientAssignments.Select(a => new { a.ClientId, a.UserId }).ToListAsync());
        Assert.Equal(new[] { (alpha.Id, second), (alpha.Id, rep), (beta.Id, first) }.Order(), portfolios.Select(p => (p.ClientId, p.UserId)).Order());
    }

    [Fact]
    public async Task UnknownClientsOrUsers_AreNamed_AndNothingChanges()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        var collector = await UserAsync(db, Role.Collector);
        var alpha = await db.QueryAsync(c => c.Clients.Select(x => x.Id).SingleAsync());
        var elsewhere = await db.CreateOrganizationAsync("Other SAS");
        await db.RunAsync(sp => sp.GetRequiredService<UpsertClients>().ExecuteAsync([new ClientInput("OTHER", "Other client")], default), elsewhere);
        var foreign = await db.QueryAsync(c => c.Clients.Select(x => x.Id).SingleAsync(), elsewhere);

        var outcome = await Assign(db, collector, [alpha, foreign, null]);
        var noUser = await Assign(db, 987_654, [alpha]);

        Assert.Equal(["clientIds.1", "clientIds.2"], outcome.Errors.Select(e => string.Join('.', e.Field)));
        Assert.Equal(["userId"], noUser.Errors.Select(e => string.Join('.', e.Field)));
        Assert.Equal(0, await db.QueryAsync(c => c.ClientAssignments.CountAsync()));
    }

    private static async Task<long> UserAsync(TestDatabase db, Role role)
    {
        await db.RunAsync(sp => sp.GetRequiredService<CreateApiKey>().ExecuteAsync(db.OrganizationId, role, default), TestDatabase.NoOrganization);
        return await db.QueryAsync(c => c.Users.MaxAsync(u => u.Id));
    }

    private static Task<Outcome<IReadOnlyList<Client>>> Assign(TestDatabase db, long user, long?[] clients) =>
        db.RunAsync(sp => sp.GetRequiredService<AssignClients>().ExecuteAsync(user, clients, unassign: false, default));
}
