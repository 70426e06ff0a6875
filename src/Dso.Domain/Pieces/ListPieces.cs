using Dso.Domain.Common.Paging;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;

namespace Dso.Domain.Pieces;

/// <summary>A page of pieces, filtered and ordered (default: oldest due first).</summary>
public sealed class ListPieces(DsoDbContext db, TimeProvider clock)
{
    public async Task<Page<Piece>> ExecuteAsync(PieceFilter? filter, IReadOnlyList<SortOrder<PieceOrderField>>? orderBy, PageRequest page, CancellationToken cancellationToken)
    {
        var query = filter is null ? db.Pieces : await ApplyAsync(db.Pieces, filter, cancellationToken);
        var keys = (orderBy is { Count: > 0 } ? orderBy : [new SortOrder<PieceOrderField>(PieceOrderField.DueDate, false)])
            .Select(Key)
            .Append(SortKeys.By<Piece, long>("id", p => p.Id, orderBy is { Count: > 0 } && orderBy[^1].Descending))
            .ToList();
        return await Keyset.PageAsync(query, keys, page, cancellationToken);
    }

    private static SortKey<Piece> Key(SortOrder<PieceOrderField> order) => order.Field switch
    {
        PieceOrderField.DueDate => SortKeys.By<Piece, DateOnly>("dueDate", p => p.DueDate, order.Descending),
        PieceOrderField.IssueDate => SortKeys.By<Piece, DateOnly>("issueDate", p => p.IssueDate, order.Descending),
        PieceOrderField.OpenAmount => SortKeys.By<Piece, decimal>("openAmount", p => p.OpenAmount, order.Descending),
        PieceOrderField.Number => SortKeys.By<Piece, string>("number", p => p.Number, order.Descending),
        PieceOrderField.DaysOverdue => SortKeys.By<Piece, DateOnly>("daysOverdue", p => p.DueDate, !order.Descending),
        _ => throw new ArgumentOutOfRangeException(nameof(order)),
    };

    private async Task<IQueryable<Piece>> ApplyAsync(IQueryable<Piece> query, PieceFilter filter, CancellationToken cancellationToken)
    {
        if (filter.ClientId is { } clientId)
        {
            query = query.Where(p => p.ClientId == clientId);
        }

        if (filter.Types is { Count: > 0 } types)
        {
            query = query.Where(p => types.Contains(p.Type));
        }

        if (filter.Open is { } open)
        {
            query = open ? query.Where(p => p.OpenAmount != 0) : query.Where(p => p.OpenAmount == 0);
        }

        if (filter.Overdue is { } overdue)
        {
            var today = (await db.CurrentOrganizationAsync(cancellationToken)).Today(clock);
            query = overdue
                ? query.Where(p => p.OpenAmount > 0 && p.DueDate < today)
                : query.Where(p => !(p.OpenAmount > 0 && p.DueDate < today));
        }

        if (filter.StatusCategories is { Count: > 0 } categories)
        {
            var statusIds = db.Statuses.Where(s => categories.Contains(s.Category)).Select(s => (long?)s.Id);
            query = query.Where(p => statusIds.Contains(p.StatusId));
        }

        if (filter.Unqualified is { } unqualified)
        {
            query = unqualified ? query.Where(p => p.StatusId == null) : query.Where(p => p.StatusId != null);
        }

        if (filter.DueBefore is { } dueBefore)
        {
            query = query.Where(p => p.DueDate < dueBefore);
        }

        if (filter.DueAfter is { } dueAfter)
        {
            query = query.Where(p => p.DueDate > dueAfter);
        }

        if (filter.MinOpenAmount is { } minOpen)
        {
            query = query.Where(p => p.OpenAmount >= minOpen);
        }

        return query;
    }
}
