using Dso.Domain.Persistence;
using Dso.Domain.Pieces;

namespace Dso.Domain.Clients;

/// <summary>The SQL projection of clients with their outstanding and overdue amounts on a date.</summary>
public static class ClientBalances
{
    public static IQueryable<ClientRow> WithBalances(this IQueryable<Client> clients, DsoDbContext db, DateOnly today) =>
        clients.Select(c => new ClientRow
        {
            Client = c,
            Outstanding = db.Pieces.Where(p => p.ClientId == c.Id && p.Type != PieceType.DownPaymentRequest).Sum(p => p.OpenAmount),
            Overdue = db.Pieces.Where(p => p.ClientId == c.Id && p.Type != PieceType.DownPaymentRequest && p.OpenAmount > 0 && p.DueDate < today)
                .Sum(p => p.OpenAmount),
            ForeignCurrencyPieces = db.Pieces.Count(p => p.ClientId == c.Id && p.OpenAmount != 0 && p.Currency != c.Currency),
        });
}
