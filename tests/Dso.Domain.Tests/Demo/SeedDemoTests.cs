using Dso.Domain.Clients;
using Dso.Domain.Demo;
using Dso.Domain.Messaging;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Demo;

public class SeedDemoTests
{
    [Fact]
    public async Task Seed_LoadsAValidDemoOrganizationOnce_WithHistoryADefaultScenarioAndTodaysAgenda()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2026, 11, 23));

        var first = await db.RunAsync(sp => sp.GetRequiredService<SeedDemo>().ExecuteAsync(default));
        var second = await db.RunAsync(sp => sp.GetRequiredService<SeedDemo>().ExecuteAsync(default));

        Assert.StartsWith("dso_", first.ApiKey, StringComparison.Ordinal);
        Assert.Null(second.ApiKey);
        Assert.Equal(first.Organization.Id, second.Organization.Id);
        var organization = first.Organization.Id;
        var (clients, pieces, settled, events, scenarios) = await db.QueryAsync(async c => (
            await c.Clients.ToListAsync(), await c.Pieces.CountAsync(), await c.Pieces.CountAsync(p => p.SettledOn != null),
            await c.BalanceEvents.CountAsync(), await c.Scenarios.CountAsync(s => s.IsDefault)), organization);
        var (planned, ranOn) = await db.QueryAsync(async c => (await c.Actions.CountAsync(), (await c.Organizations.SingleAsync()).ScenariosRunOn), organization);
        Assert.True(planned > 0, "The agenda is full from the start.");
        Assert.Equal(new DateOnly(2026, 11, 23), ranOn);
        Assert.Equal(150, clients.Count);
        Assert.All(clients, c => Assert.True(CompanyIdentifiers.IsLuhnValid(c.LegalId!), c.LegalId));
        Assert.InRange(pieces, 2900, 3000);
        Assert.InRange(settled, pieces / 3, pieces);
        Assert.True(events > pieces, "Payments are recorded as balance history.");
        Assert.Equal(1, scenarios);
    }

    [Fact]
    public async Task TheDemoScenariosEmails_HaveATemplate_ThatRendersInFrench()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2026, 11, 23));
        var organization = (await db.RunAsync(sp => sp.GetRequiredService<SeedDemo>().ExecuteAsync(default))).Organization.Id;

        var email = await db.QueryAsync(c => c.Actions.Where(a => a.Channel == Channel.Email && c.Templates.Any(t => t.Id == a.TemplateId && t.Name == StandardTemplates.FirstReminder)).Select(a => a.Id).FirstAsync(), organization);
        var message = await db.RunAsync(sp => sp.GetRequiredService<RenderAction>().ExecuteAsync(email, null, default), organization);

        Assert.Equal("fr", message.Value!.Language);
        Assert.StartsWith("Démo Industries SAS : ", message.Value.Subject, StringComparison.Ordinal);
        Assert.Contains("Sauf erreur de notre part", message.Value.Body, StringComparison.Ordinal);
        Assert.Contains(RenderAction.PreviewPortalUrl, message.Value.Body, StringComparison.Ordinal);
    }
}
