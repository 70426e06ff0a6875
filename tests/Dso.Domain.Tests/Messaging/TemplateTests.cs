using Dso.Domain.Actions;
using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Messaging;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Messaging;

/// <summary>Templates are checked when saved, and an action's message renders in the contact's language.</summary>
public class TemplateTests
{
    private const string Body =
        "Bonjour {{contact.name}},\n{{#each pieces}}{{number}} échue le {{dueDate}} : {{openAmount}} ({{daysOverdue}} j)\n{{/each}}Total : {{totals.openAmount}}\n{{organization.name}}";

    [Fact]
    public async Task ATextNamingAnUnknownPlaceholder_IsRefusedWhenSaved_AndNothingIsStored()
    {
        await using var db = await TestDatabase.CreateAsync();

        var created = await CreateAsync(db, new TemplateInput("Relance", Channel.Email,
            [new("fr", "Relance {{client.name}}", "Bonjour {{client.nom}}"), new("en", null, "Hello")]));

        Assert.Equal(
            ["translations.0.body: Unknown placeholder '{{client.nom}}' (line 1, column 9).", "translations.1.subject: An email template needs a subject."],
            created.Errors.Select(e => $"{string.Join('.', e.Field)}: {e.Message}"));
        Assert.Equal(StandardTemplates.All.Count, await db.QueryAsync(c => c.Templates.CountAsync()));
    }

    [Fact]
    public async Task AScenarioAction_RendersInTheContactsLanguage_WithFrenchAmountsAndDates_AndEscapedHtml()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 25));
        var action = await PlannedActionAsync(db, "fr");

        var message = await RenderAsync(db, action);

        Assert.Equal(("fr", "Relance Dupont & Fils <SA>", "jean@dupont.example", []), (message.Language, message.Subject, message.To, message.Warnings));
        Assert.Equal(
            "Bonjour Jean &lt;Martin&gt;,\nF1 échue le 01/06/2025 : 1\u202F234,56 € (24 j)\nF2 échue le 20/06/2025 : 500,00 € (5 j)\nTotal : 1\u202F734,56 €\nAcme SAS",
            message.Body);
    }

    [Fact]
    public async Task WithoutTheContactsLanguage_TheClientsOrTheOrganizationsIsUsed_WithAWarning()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 25));
        var action = await PlannedActionAsync(db, "nl");

        var dutch = await RenderAsync(db, action);
        await db.UpsertClientsAsync(Dupont("en-GB"));
        var british = await RenderAsync(db, action);

        Assert.Equal("fr", dutch.Language);
        Assert.Equal(["The template has no 'nl' translation (the contact's language); the message is in 'fr'."], dutch.Warnings);
        Assert.Equal("en", british.Language);
        Assert.Empty(british.Warnings);
        Assert.Equal("Dear Jean &lt;Martin&gt;: F1 due 01/06/2025, €1,234.56 leftF2 due 20/06/2025, €500.00 left", british.Body);
    }

    [Fact]
    public async Task RenderingNeedsATemplateOfTheActionsChannel()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 25));
        var scenarioAction = await PlannedActionAsync(db, "fr");
        var (client, user, template) = await db.QueryAsync(async c => (await c.Clients.Select(x => x.Id).SingleAsync(), await c.Users.Select(u => u.Id).FirstAsync(),
            await c.Templates.Where(t => t.Name == "Relance").Select(t => t.Id).SingleAsync()));
        var call = await db.RunAsync(sp => sp.GetRequiredService<CreateSpecificAction>().ExecuteAsync(
            new SpecificActionRequest(client, [], Channel.Call, new DateOnly(2025, 6, 26), null, null), user, default));

        var withoutTemplate = await db.RunAsync(sp => sp.GetRequiredService<RenderAction>().ExecuteAsync(call.Value!.Id, null, default));
        var otherChannel = await db.RunAsync(sp => sp.GetRequiredService<RenderAction>().ExecuteAsync(call.Value!.Id, template, default));
        var unknownAction = await db.RunAsync(sp => sp.GetRequiredService<RenderAction>().ExecuteAsync(scenarioAction + 1000, null, default));

        Assert.Equal("The action has no template; pass a templateId.", Assert.Single(withoutTemplate.Errors).Message);
        Assert.Equal("The template is for Email, the action is Call.", Assert.Single(otherChannel.Errors).Message);
        Assert.True(unknownAction.Succeeded);
        Assert.Null(unknownAction.Value);
    }

    [Fact]
    public async Task ATemplateInUse_CannotBeArchived_AndAnArchivedOneCannotBeGivenToAStep()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 25));
        await PlannedActionAsync(db, "fr");
        var (scenario, template) = await db.QueryAsync(async c => (await c.Scenarios.Select(s => s.Id).SingleAsync(), await c.Templates.Where(t => t.Name == "Relance").Select(t => t.Id).SingleAsync()));

        var inUse = await ArchiveAsync(db, template);
        await db.RunAsync(sp => sp.GetRequiredService<UpdateScenario>().ExecuteAsync(scenario, new ScenarioInput(null, null, [new(5, Channel.Email, null, null, true)]), default));
        var archived = await ArchiveAsync(db, template);
        var reused = await db.RunAsync(sp => sp.GetRequiredService<UpdateScenario>().ExecuteAsync(scenario,
            new ScenarioInput(null, null, [new(5, Channel.Email, template, null, true)]), default));

        Assert.Equal("The scenario 'Standard' uses this template; change its steps first.", Assert.Single(inUse.Errors).Message);
        Assert.True(archived.Value!.Archived);
        Assert.Equal(UserErrorCode.NotFound, Assert.Single(reused.Errors).Code);
    }

    /// <summary>Alpha's scenario email (+5 days, with a template in French and English) planned on 2025-06-25 for F1 and F2.</summary>
    private static async Task<long> PlannedActionAsync(TestDatabase db, string contactLanguage)
    {
        var template = await CreateAsync(db, new TemplateInput("Relance", Channel.Email,
        [
            new("fr", "Relance {{client.name}}", Body),
            new("en", "Reminder", "Dear {{contact.name}}: {{#each pieces}}{{number}} due {{dueDate}}, {{openAmount}} left{{/each}}"),
        ]));
        Assert.True(template.Succeeded, string.Join("; ", template.Errors.Select(e => e.Message)));
        await db.RunAsync(sp => sp.GetRequiredService<CreateScenario>().ExecuteAsync(
            new ScenarioInput("Standard", true, [new(5, Channel.Email, template.Value!.Id, null, true)]), default));
        await db.UpsertClientsAsync(Dupont(contactLanguage));
        await db.UpsertPiecesAsync(Invoice("F1", "DUPONT", "2025-05-01", "2025-06-01", 1234.56m), Invoice("F2", "DUPONT", "2025-05-20", "2025-06-20", 500m));
        var run = await db.RunAsync(sp => sp.GetRequiredService<RunScenarios>().ExecuteAsync(null, default));
        return Assert.Single(run.Value!.PlannedActionIds);
    }

    private static ClientInput Dupont(string contactLanguage) =>
        new("DUPONT", "Dupont & Fils <SA>", Language: contactLanguage == "nl" ? "nl" : "fr",
            Contacts: [new ContactInput("Jean <Martin>", "jean@dupont.example", "+33 6 12 34 56 78", contactLanguage, true)]);

    private static Task<Outcome<Template>> CreateAsync(TestDatabase db, TemplateInput input) =>
        db.RunAsync(sp => sp.GetRequiredService<CreateTemplate>().ExecuteAsync(input, default));

    private static Task<Outcome<Template>> ArchiveAsync(TestDatabase db, long id) =>
        db.RunAsync(sp => sp.GetRequiredService<ArchiveTemplate>().ExecuteAsync(id, default));

    private static async Task<RenderedMessage> RenderAsync(TestDatabase db, long action)
    {
        var rendered = await db.RunAsync(sp => sp.GetRequiredService<RenderAction>().ExecuteAsync(action, null, default));
        Assert.True(rendered.Succeeded, string.Join("; ", rendered.Errors.Select(e => e.Message)));
        return rendered.Value!;
    }
}
