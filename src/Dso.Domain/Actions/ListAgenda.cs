using Dso.Domain.Common.Paging;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Users;

namespace Dso.Domain.Actions;

/// <summary>
/// The agenda of a user on a date (default today): planned actions due on or before it for the clients of
/// their portfolio, or assigned to them (every client for an administrator), oldest first, then the
/// largest open amount (domain-rules §3), optionally for one assignee.
/// </summary>
public sealed class ListAgenda(DsoDbContext db, TimeProvider clock)
{
    private static readonly SortKey<AgendaRow>[] Keys =
    [
        SortKeys.By<AgendaRow, DateOnly>("dueDate", r => r.Action.DueDate),
        SortKeys.By<AgendaRow, decimal>("amount", r => r.Amount, descending: true),
        SortKeys.By<AgendaRow, long>("id", r => r.Action.Id),
    ];

    public async Task<Page<AgendaRow>> ExecuteAsync(Principal user, DateOnly? date, long? assigneeId, PageRequest page, CancellationToken cancellationToken)
    {
        var on = date ?? (await db.CurrentOrganizationAsync(cancellationToken)).Today(clock);
        var actions = db.Actions.Where(a => a.State == ActionState.Planned && a.DueDate <= on);
        if (!user.IsAdmin)
        {
            actions = actions.Where(a => a.AssigneeId == user.UserId || db.ClientAssignments.Any(x => x.ClientId == a.ClientId && x.UserId == user.UserId));
        }

        if (assigneeId is { } assignee)
        {
            actions = actions.Where(a => a.AssigneeId == assignee);
        }

        var rows = actions.Select(a => new AgendaRow
        {
            Action = a,
            Amount = db.Pieces.Where(p => a.Pieces.Select(x => x.PieceId).Contains(p.Id)).Sum(p => p.OpenAmount),
        });
        return await Keyset.PageAsync(rows, Keys, page, cancellationToken);
    }
}
