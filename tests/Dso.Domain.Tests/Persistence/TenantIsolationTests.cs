using Dso.Domain.Clients;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Persistence;

public class TenantIsolationTests
{
    [Fact]
    public async Task EveryTenantOwnedSet_ShowsOnlyTheCurrentOrganization_AndNothingWithoutOne()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        await db.UpsertPiecesAsync(Invoice("F1", "ALPHA", "2025-05-01", "2025-05-31", 1000m));
        var other = await db.CreateOrganizationAsync("Other SARL");

        Assert.Equal((1, 1, 1, 6), await Counts(db, db.OrganizationId));
        Assert.Equal((1, 0, 0, 6), await Counts(db, other));
        Assert.Equal((0, 0, 0, 0), await Counts(db, organization: null));
    }

    [Fact]
    public async Task UpsertPieces_CannotReachAnotherOrganizationsClient()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        var other = await db.CreateOrganizationAsync("Other SARL");

        var result = await db.RunAsync(sp => sp.GetRequiredService<UpsertPieces>().ExecuteAsync([Invoice("F1", "ALPHA", "2025-05-01", "2025-05-31", 1m)], default), other);

        Assert.Equal("No client with code 'ALPHA'; upsert the client first.", Assert.Single(result.Errors).Message);
    }

    private static Task<(int Organizations, int Clients, int Pieces, int Statuses)> Counts(TestDatabase db, long? organization) =>
        db.QueryAsync(async c => (await c.Organizations.CountAsync(), await c.Clients.CountAsync(), await c.Pieces.CountAsync(), await c.Statuses.CountAsync()), organization ?? TestDatabase.NoOrganization);
}
