using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Messaging;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Demo;

/// <summary>
/// Loads the demo organization ("Démo Industries SAS": 150 clients, about 3 000 pieces over 9 months,
/// the standard statuses and a default scenario) through the same use cases as the API, then runs today's
/// scenarios so that the agenda is full from the first start. Idempotent: an existing demo organization is left as it is.
/// </summary>
public sealed class SeedDemo(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Name = "Démo Industries SAS";
    private const int Clients = 150;
    private const int Pieces = 3000;

    /// <summary>The demo organization, with its admin API key when it was created now (null when it already existed).</summary>
    public async Task<(Organization Organization, string? ApiKey)> ExecuteAsync(CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
            if (await db.Organizations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Name == Name, cancellationToken) is { } existing)
            {
                return (existing, null);
            }
        }

        CreatedOrganization created;
        using (var scope = scopes.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<CreateOrganization>()
                .ExecuteAsync(new CreateOrganizationRequest(Name, AdminName: "Claire Martin", AdminEmail: "claire.martin@demo-industries.example"), cancellationToken);
            created = outcome.Value!;
        }

        var generator = new DemoDataGenerator(seed: 2025, created.Organization.Today(clock));
        await InScopeAsync(created, (sp, ct) => sp.GetRequiredService<UpsertClients>().ExecuteAsync(Enumerable.Range(0, Clients).Select(generator.Client).ToList(), ct), cancellationToken);
        foreach (var batch in DemoDataGenerator.InBatches(generator.Pieces(Clients, Pieces), 1000))
        {
            await InScopeAsync(created, (sp, ct) => sp.GetRequiredService<UpsertPieces>().ExecuteAsync(batch, ct), cancellationToken);
        }

        var reminder = await InScopeAsync(created, (sp, ct) => sp.GetRequiredService<CreateTemplate>().ExecuteAsync(ReminderTemplate, ct), cancellationToken);
        await InScopeAsync(created, (sp, ct) => sp.GetRequiredService<CreateScenario>().ExecuteAsync(DefaultScenario(reminder.Id), ct), cancellationToken);
        using (var scope = scopes.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RunMorning>().RunTodayAsync(created.Organization, cancellationToken);
        }

        return (created.Organization, created.ApiKey);
    }

    private static TemplateInput ReminderTemplate { get; } = new("Relance courtoise", Channel.Email,
    [
        new("fr", "{{organization.name}} : {{totals.count}} facture(s) à régler",
            "Bonjour {{contact.name}},\n\nSauf erreur de notre part, les factures suivantes restent à régler au {{today}} :\n" +
            "{{#each pieces}}- {{number}} du {{issueDate}}, échue le {{dueDate}} : {{openAmount}}\n{{/each}}\n" +
            "Total : {{totals.openAmount}}, dont {{totals.overdueAmount}} échus.\n\nCordialement,\n{{organization.name}}"),
        new("en", "{{organization.name}}: {{totals.count}} invoice(s) to pay",
            "Dear {{contact.name}},\n\nAccording to our records, these invoices are still open on {{today}}:\n" +
            "{{#each pieces}}- {{number}} of {{issueDate}}, due {{dueDate}}: {{openAmount}}\n{{/each}}\n" +
            "Total: {{totals.openAmount}}, of which {{totals.overdueAmount}} overdue.\n\nKind regards,\n{{organization.name}}"),
    ]);

    private static ScenarioInput DefaultScenario(long reminder) => new("Relance standard", true,
    [
        new ScenarioStepValues(-5, Channel.Email, reminder, null, true),
        new ScenarioStepValues(5, Channel.Email, reminder, null, true),
        new ScenarioStepValues(15, Channel.Email, reminder, null, true),
        new ScenarioStepValues(30, Channel.Call, null, null, false),
        new ScenarioStepValues(45, Channel.Letter, null, 500m, false),
    ]);

    private async Task<T> InScopeAsync<T>(CreatedOrganization created, Func<IServiceProvider, CancellationToken, Task<Outcome<T>>> run, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Enter(created.Organization.Id);
        var outcome = await run(scope.ServiceProvider, cancellationToken);
        return outcome.Succeeded
            ? outcome.Value!
            : throw new InvalidOperationException("Demo data is invalid: " + string.Join("; ", outcome.Errors.Select(e => $"{string.Join('.', e.Field)}: {e.Message}")));
    }
}
