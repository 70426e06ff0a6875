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
/// the standard statuses and templates, and the standard scenario) through the same use cases as the API, then runs today's
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

        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Enter(created.Organization.Id);
            var templates = await scope.ServiceProvider.GetRequiredService<DsoDbContext>().Templates.ToDictionaryAsync(t => t.Name, t => t.Id, cancellationToken);
            await InScopeAsync(created, (sp, ct) => sp.GetRequiredService<CreateScenario>().ExecuteAsync(StandardTemplates.Scenario(templates), ct), cancellationToken);
        }
        using (var scope = scopes.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RunMorning>().RunTodayAsync(created.Organization, cancellationToken);
        }

        return (created.Organization, created.ApiKey);
    }

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
