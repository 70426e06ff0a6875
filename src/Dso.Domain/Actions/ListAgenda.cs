using Dso.Domain.Common.Paging;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;

namespace Dso.Domain.Actions;

/// <summary>
/// The agenda on a date (default today): planned actions due on or before it, oldest first, then the
/// largest open amount (domain-rules §3), optionally for one assignee. Portfolios (a collector sees only
/// their clients) arrive with the access work; until then everyone sees the organization's agenda.
/// </summary>
public sealed class ListAgenda(DsoDbContext db, TimeProvider clock)
{
    private static readonly SortKey<AgendaRow>[] Keys =
    [
        SortKeys.By<AgendaRow, DateOnly>("dueDate", r => r.Action.DueDate),
        SortKeys.By<AgendaRow, decimal>("amount", r => r.Amount, descending: true),
        SortKeys.By<AgendaRow, long>("id", r => r.Action.Id),
    ];

    public async Task<Page<AgendaRow>> ExecuteAsync(DateOnly? date, long? assigneeId, PageRequest page, CancellationToken cancellationToken)
    {
        var on = date ?? (await db.CurrentOrganizationAsync(cancellationToken)).Today(clock);
        var actions = db.Actions.Where(a => a.State == ActionState.Planned && a.DueDate <= on);
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
