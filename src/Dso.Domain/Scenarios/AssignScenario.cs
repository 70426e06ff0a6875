using System.Globalization;
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

        if (clientIds.Count is 0 or > MaxClients)
        {
            errors.Add(new UserError(["clientIds"], $"Give 1 to {MaxClients} clients.", clientIds.Count == 0 ? UserErrorCode.Invalid : UserErrorCode.LimitExceeded));
        }

        var known = clientIds.OfType<long>().Distinct().ToList();
        var clients = await db.Clients.Where(c => known.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        errors.AddRange(clientIds.Select((id, i) => (id, i)).Where(x => x.id is null || !clients.ContainsKey(x.id.Value))
            .Select(x => UserError.NotFound("No such client.", "clientIds", x.i.ToString(CultureInfo.InvariantCulture))));
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
