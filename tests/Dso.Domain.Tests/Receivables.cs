using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Pieces;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests;

/// <summary>Shorthands to load clients and pieces through the real use cases.</summary>
public static class Receivables
{
    public static Task<Outcome<IReadOnlyList<Client>>> UpsertClientsAsync(this TestDatabase db, params ClientInput[] clients) =>
        db.RunAsync(sp => sp.GetRequiredService<UpsertClients>().ExecuteAsync(clients, default));

    public static Task<Outcome<IReadOnlyList<Piece>>> UpsertPiecesAsync(this TestDatabase db, params PieceInput[] pieces) =>
        db.RunAsync(sp => sp.GetRequiredService<UpsertPieces>().ExecuteAsync(pieces, default));

    public static PieceInput Invoice(string number, string client, string issued, string due, decimal amount, decimal? open = null, string? balanceDate = null) =>
        new(PieceType.Invoice, number, client, DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), amount, open ?? amount,
            BalanceDate: balanceDate is null ? null : DateOnly.Parse(balanceDate, System.Globalization.CultureInfo.InvariantCulture));
}
