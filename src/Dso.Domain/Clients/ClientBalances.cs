using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Clients;

/// <summary>Clients' outstanding and overdue amounts on a date: in SQL for filtering and ordering lists, and per currency for display.</summary>
public static class ClientBalances
{
    public static IQueryable<ClientRow> WithBalances(this IQueryable<Client> clients, DsoDbContext db, DateOnly today) =>
        clients.Select(c => new ClientRow
        {
            Client = c,
            Outstanding = db.Pieces.Where(p => p.ClientId == c.Id && p.Type != PieceType.DownPaymentRequest).Sum(p => p.OpenAmount),
            Overdue = db.Pieces.Where(p => p.ClientId == c.Id && p.Type != PieceType.DownPaymentRequest && p.OpenAmount > 0 && p.DueDate < today)
                .Sum(p => p.OpenAmount),
            RiskScore = c.Risk == null ? -1 : c.Risk.Score,
            RiskRank = c.Risk == null ? -1 : (int)c.Risk.Class,
        });

    /// <summary>
    /// Clients' outstanding and overdue amounts per currency, and the open receivables among them whose status is one
    /// of <paramref name="disputes"/> (none if not given). One pass over the client's index: the disputed amount is a
    /// sum of the same rows, not a query of its own (with the sampled statistics, SQLite would read such a query
    /// through the open amounts' index, every open piece of the organization).
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, IReadOnlyList<CurrencyBalance>>> ByCurrencyAsync(
        DsoDbContext db, IReadOnlyList<long> clientIds, DateOnly today, CancellationToken cancellationToken, IReadOnlyList<long?>? disputes = null)
    {
        var disputed = disputes ?? [];
        return (await db.Pieces.Where(p => clientIds.Contains(p.ClientId) && p.Type != PieceType.DownPaymentRequest && p.OpenAmount != 0)
            .GroupBy(p => new { p.ClientId, p.Currency })
            .Select(g => new
            {
                g.Key.ClientId,
                Balance = new CurrencyBalance(g.Key.Currency, g.Sum(p => p.OpenAmount), g.Sum(p => p.OpenAmount > 0 && p.DueDate < today ? p.OpenAmount : 0),
                    g.Sum(p => p.OpenAmount > 0 && PieceTypes.Receivable.Contains(p.Type) && disputed.Contains(p.StatusId) ? p.OpenAmount : 0)),
            })
            .ToListAsync(cancellationToken))
        .GroupBy(r => r.ClientId).ToDictionary(g => g.Key, g => (IReadOnlyList<CurrencyBalance>)g.Select(r => r.Balance).ToList());
    }
}

/// <summary>A client's amounts in one currency (the disputed amount only when asked for).</summary>
public sealed record CurrencyBalance(string Currency, decimal Outstanding, decimal Overdue, decimal Disputed = 0);
