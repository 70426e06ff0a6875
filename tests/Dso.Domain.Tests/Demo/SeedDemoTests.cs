using Dso.Domain.Clients;
using Dso.Domain.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Demo;

public class SeedDemoTests
{
    [Fact]
    public async Task Seed_LoadsAValidDemoOrganizationOnce_WithHistoryAndADefaultScenario()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2026, 11, 23));

        var first = await db.RunAsync(sp => sp.GetRequiredService<SeedDemo>().ExecuteAsync(default));
        var second = await db.RunAsync(sp => sp.GetRequiredService<SeedDemo>().ExecuteAsync(default));

        Assert.NotNull(first);
        Assert.Null(second);
        var organization = first.Organization.Id;
        var (clients, pieces, settled, events, scenarios) = await db.QueryAsync(async c => (
            await c.Clients.ToListAsync(), await c.Pieces.CountAsync(), await c.Pieces.CountAsync(p => p.SettledOn != null),
            await c.BalanceEvents.CountAsync(), await c.Scenarios.CountAsync(s => s.IsDefault)), organization);
        Assert.Equal(150, clients.Count);
        Assert.All(clients, c => Assert.True(CompanyIdentifiers.IsLuhnValid(c.LegalId!), c.LegalId));
        Assert.InRange(pieces, 2900, 3000);
        Assert.InRange(settled, pieces / 3, pieces);
        Assert.True(events > pieces, "Payments are recorded as balance history.");
        Assert.Equal(1, scenarios);
    }
}
