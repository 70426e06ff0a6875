using System.Globalization;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Actions;

/// <summary>Plans an action by hand; while it is open, its pieces stay out of the scenario (domain-rules §4).</summary>
public sealed class CreateSpecificAction(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<CollectionAction>> ExecuteAsync(SpecificActionRequest request, long userId, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleAsync(cancellationToken);
        var today = organization.Today(clock);
        var errors = new List<UserError>();
        var client = request.ClientId is { } clientId ? await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken) : null;
        if (client is null)
        {
            errors.Add(UserError.NotFound("No such client.", "clientId"));
        }

        var ids = request.PieceIds ?? [];
        var known = await db.Pieces.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] is not { } id || !known.TryGetValue(id, out var piece) || piece.ClientId != client?.Id)
            {
                errors.Add(UserError.NotFound("No such piece of this client.", "pieceIds", i.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (request.DueDate < today)
        {
            errors.Add(UserError.Invalid($"dueDate {request.DueDate:yyyy-MM-dd} is in the past.", "dueDate"));
        }

        if (request.AssigneeId is { } assignee && !await db.Users.AnyAsync(u => u.Id == assignee, cancellationToken))
        {
            errors.Add(UserError.NotFound("No such user.", "assigneeId"));
        }

        if (request.Note?.Length > 2000)
        {
            errors.Add(UserError.Invalid("note has at most 2000 characters.", "note"));
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<CollectionAction>(errors);
        }

        var action = CollectionAction.Specific(organization.Id, client!.Id, known.Keys, request.Channel, request.DueDate ?? today,
            request.AssigneeId ?? userId, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), clock.GetUtcNow());
        db.Actions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(action);
    }
}
