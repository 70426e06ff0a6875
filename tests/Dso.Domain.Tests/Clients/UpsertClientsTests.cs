using Dso.Domain.Clients;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Tests.Clients;

public class UpsertClientsTests
{
    [Fact]
    public async Task Upsert_ByCode_UpdatesInPlace_AndTheSameDataTwiceChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var alpha = new ClientInput("ALPHA", "Alpha SAS", "732 829 320", Contacts: [new ContactInput("Compta", "compta@alpha.example", null, null, true)]);
        await db.UpsertClientsAsync(alpha);
        var first = await db.QueryAsync(c => c.Clients.AsNoTracking().SingleAsync());

        db.Clock.Advance(TimeSpan.FromHours(1));
        await db.UpsertClientsAsync(alpha);
        Assert.Equal(first.UpdatedAt, (await db.QueryAsync(c => c.Clients.AsNoTracking().SingleAsync())).UpdatedAt);

        await db.UpsertClientsAsync(alpha with { Name = "Alpha Industries SAS" });
        var renamed = await db.QueryAsync(c => c.Clients.Include(x => x.Contacts).AsNoTracking().SingleAsync());
        Assert.Equal(("Alpha Industries SAS", "732829320", "EUR"), (renamed.Name, renamed.LegalId, renamed.Currency));
        Assert.Equal("compta@alpha.example", Assert.Single(renamed.Contacts).Email);
    }

    [Fact]
    public async Task Upsert_WithBadValues_ReportsTheFieldOfEach_AndWritesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        var result = await db.UpsertClientsAsync(
            new ClientInput("A", "Alpha", LegalId: "732829321"),
            new ClientInput("B", "Beta", Currency: "EURO", Language: "french"),
            new ClientInput("A", "Alpha again", CreditLimit: -1m, Contacts: [new ContactInput(null, "not-an-email", null, null, null)]));

        Assert.Equal(
            ["clients.0.legalId", "clients.1.currency", "clients.1.language", "clients.2.creditLimit", "clients.2.contacts.0.email", "clients.2.code"],
            result.Errors.Select(e => string.Join('.', e.Field)));
        Assert.Equal(0, await db.QueryAsync(c => c.Clients.CountAsync()));
    }
}
