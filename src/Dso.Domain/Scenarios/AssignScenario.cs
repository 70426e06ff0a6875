using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Scenarios;

/// <summary>Makes clients follow a scenario instead of the default; their next run starts a cycle of it.</summary>
public sealed class AssignScenario(DsoDbContext db)
{
    public const int MaxClients = 1000;

    public async Task<Outcome<IReadOnlyList<Client>>> ExecuteAsync(IReadOnlyList<long?> clientIds, long? scenarioId, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        if (scenarioId is null || !await db.Scenarios.AnyAsync(s => s.Id == scenarioId && !s.Archived, cancellationToken))
        {
            errors.Add(UserError.NotFound("No such scenario.", "scenarioId"));
        }

        var (clients, unknown) = await ClientSelection.LoadAsync(db, clientIds, MaxClients, cancellationToken);
        errors.AddRange(unknown);
        if (errors.Count > 0)
        {
            return Outcomes.Failure<IReadOnlyList<Client>>(errors);
        }

        foreach (var client in clients.Values)
        {
            client.AssignScenario(scenarioId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success<IReadOnlyList<Client>>(clientIds.Select(id => clients[id!.Value]).ToList());
    }
}
