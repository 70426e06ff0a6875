using System.Globalization;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Clients;

/// <summary>Reads the clients a mutation names by id, with an error for each one unknown (or of another organization).</summary>
internal static class ClientSelection
{
    public static async Task<(Dictionary<long, Client> Clients, List<UserError> Errors)> LoadAsync(
        DsoDbContext db, IReadOnlyList<long?> clientIds, int max, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        if (clientIds.Count is 0 || clientIds.Count > max)
        {
            errors.Add(new UserError(["clientIds"], $"Give 1 to {max} clients.", clientIds.Count == 0 ? UserErrorCode.Invalid : UserErrorCode.LimitExceeded));
        }

        var known = clientIds.OfType<long>().Distinct().ToList();
        var clients = await db.Clients.Where(c => known.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        errors.AddRange(clientIds.Select((id, i) => (id, i)).Where(x => x.id is null || !clients.ContainsKey(x.id.Value))
            .Select(x => UserError.NotFound("No such client.", "clientIds", x.i.ToString(CultureInfo.InvariantCulture))));
        return (clients, errors);
    }
}
