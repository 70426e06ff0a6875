using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Actions;

/// <summary>
/// Skips or postpones a planned action, or pauses a client's dunning (until a date, or until resumed) or
/// resumes it, always with a reason; every override goes into the client's history. A paused client gets
/// no scenario action; postponing moves the action's date.
/// </summary>
public sealed class OverridePlan(DsoDbContext db, TimeProvider clock)
{
    public const int MaxReason = 2000;

    public async Task<Outcome<CollectionOverride>> ExecuteAsync(OverrideRequest request, long userId, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var today = organization.Today(clock);
        var errors = new List<UserError>();
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxReason)
        {
            errors.Add(UserError.Invalid($"A reason of 1 to {MaxReason} characters is required.", "reason"));
        }

        CollectionAction? action = null;
        Clients.Client? client = null;
        if (request.Kind is OverrideKind.Skip or OverrideKind.Postpone)
        {
            action = request.ActionId is { } id ? await db.Actions.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
            if (action is null)
            {
                errors.Add(UserError.NotFound("No such action.", "actionId"));
            }
            else if (action.State != ActionState.Planned)
            {
                errors.Add(UserError.Conflict($"The action is {action.State.ToString().ToUpperInvariant()}, not PLANNED.", "actionId"));
            }

            if (request.Kind == OverrideKind.Postpone && (request.Until is null || request.Until <= today))
            {
                errors.Add(UserError.Invalid("A postponed action needs a new date after today.", "until"));
            }
        }
        else
        {
            client = request.ClientId is { } id ? await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
            if (client is null)
            {
                errors.Add(UserError.NotFound("No such client.", "clientId"));
            }

            if (request.Kind == OverrideKind.Pause && request.Until <= today)
            {
                errors.Add(UserError.Invalid("A pause ends after today (or give no date: until resumed).", "until"));
            }
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<CollectionOverride>(errors);
        }

        switch (request.Kind)
        {
            case OverrideKind.Skip:
                action!.Skip(reason);
                break;
            case OverrideKind.Postpone:
                action!.Postpone(request.Until!.Value, reason);
                break;
            case OverrideKind.Pause:
                client!.Pause(request.Until);
                break;
            default:
                client!.Resume();
                break;
        }

        var entry = new CollectionOverride(organization.Id, action?.ClientId ?? client!.Id, action?.Id, request.Kind, reason,
            request.Kind is OverrideKind.Postpone or OverrideKind.Pause ? request.Until : null, userId, clock.GetUtcNow());
        db.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(entry);
    }
}
