using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Clients;

/// <summary>
/// Adds clients to a user's portfolio, or takes them out. A client has at most one collector: giving it
/// to a collector takes it from the one it had. Sales reps and other roles may share clients.
/// </summary>
public sealed class AssignClients(DsoDbContext db)
{
    public const int MaxClients = 1000;

    public async Task<Outcome<IReadOnlyList<Client>>> ExecuteAsync(long? userId, IReadOnlyList<long?> clientIds, bool unassign, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        var user = userId is { } id ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken) : null;
        if (user is null)
        {
            errors.Add(UserError.NotFound("No such user.", "userId"));
        }

        var (clients, unknown) = await ClientSelection.LoadAsync(db, clientIds, MaxClients, cancellationToken);
        errors.AddRange(unknown);
        if (errors.Count > 0)
        {
            return Outcomes.Failure<IReadOnlyList<Client>>(errors);
        }

        var known = clients.Keys.ToList();
        var existing = await db.ClientAssignments.Where(a => known.Contains(a.ClientId)).ToListAsync(cancellationToken);
        if (unassign)
        {
            db.ClientAssignments.RemoveRange(existing.Where(a => a.UserId == user!.Id));
        }
        else
        {
            if (user!.Roles.HasFlag(Role.Collector))
            {
                var collectors = await db.Users.Where(u => (u.Roles & Role.Collector) != 0 && u.Id != user.Id).Select(u => u.Id).ToListAsync(cancellationToken);
                db.ClientAssignments.RemoveRange(existing.Where(a => collectors.Contains(a.UserId)));
            }

            var organizationId = (await db.CurrentOrganizationAsync(cancellationToken)).Id;
            db.ClientAssignments.AddRange(known.Where(c => !existing.Any(a => a.ClientId == c && a.UserId == user.Id)).Select(c => new ClientAssignment(organizationId, c, user.Id)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success<IReadOnlyList<Client>>(clientIds.Select(c => clients[c!.Value]).ToList());
    }
}
