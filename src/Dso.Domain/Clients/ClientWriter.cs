using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Clients;

/// <summary>The one write path of clients, whatever their source: applies validated values by code. The caller saves.</summary>
public static class ClientWriter
{
    public static async Task<IReadOnlyList<Client>> ApplyAsync(DsoDbContext db, long organizationId, IReadOnlyList<ClientValues> values, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, Client>(StringComparer.Ordinal);
        foreach (var chunk in values.Select(v => v.Code).Distinct().Chunk(500))
        {
            foreach (var client in await db.Clients.Include(c => c.Contacts).Where(c => EF.Parameter(chunk).Contains(c.Code)).ToListAsync(cancellationToken))
            {
                existing[client.Code] = client;
            }
        }

        var clients = new List<Client>(values.Count);
        foreach (var value in values)
        {
            if (!existing.TryGetValue(value.Code, out var client))
            {
                client = new Client(organizationId, value.Code, now);
                db.Clients.Add(client);
                existing[value.Code] = client;
            }

            client.Apply(value, now);
            clients.Add(client);
        }

        return clients;
    }
}
