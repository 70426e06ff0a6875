using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Penalties;

/// <summary>
/// Computes (without recording) a client's late-payment penalties as of a date: interest on every invoice
/// and debit note paid late or still late, from its balance history, days in dispute or litigation excluded,
/// and the fixed indemnity once per late invoice.
/// </summary>
public sealed class ListLatePenalties(DsoDbContext db, TimeProvider clock)
{
    private static readonly PieceType[] Claimable = [PieceType.Invoice, PieceType.DebitNote];

    /// <summary>Null when the client is not one of the organization's.</summary>
    public async Task<LatePenalties?> ExecuteAsync(long clientId, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var on = asOf ?? organization.Today(clock);
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return null;
        }

        var settings = organization.Settings;
        var exchangeRates = await ExchangeRates.ExchangeRateTable.LoadAsync(db, on, cancellationToken);
        if (!settings.LatePenaltyEnabled)
        {
            return new LatePenalties(on, [], exchangeRates);
        }

        var rates = await PenaltyRates.LoadAsync(db, settings.ContractualPenaltyRatePercent, cancellationToken);
        var pieces = await db.Pieces.AsNoTracking().Include(p => p.BalanceHistory)
            .Where(p => p.ClientId == clientId && Claimable.Contains(p.Type) && p.Source != ApplyLatePenalties.Source && p.DueDate < on && p.IssueDate <= on)
            .OrderBy(p => p.DueDate).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var ids = pieces.Select(p => p.Id).ToList();
        var categories = await db.Statuses.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Category, cancellationToken);
        var changes = (await db.StatusChanges.AsNoTracking().Where(c => ids.Contains(c.PieceId)).ToListAsync(cancellationToken))
            .OrderBy(c => c.At).GroupBy(c => c.PieceId)
            .ToDictionary(g => g.Key, g => g.Select(c => (Day: organization.DateOf(c.At), c.StatusId)).ToList());

        var lines = new List<(Piece, PenaltyLine)>();
        foreach (var piece in pieces)
        {
            var history = changes.GetValueOrDefault(piece.Id) ?? [];
            bool Disputed(DateOnly day) =>
                history.LastOrDefault(c => c.Day <= day) is { StatusId: { } status } &&
                categories.GetValueOrDefault(status) is StatusCategory.Dispute or StatusCategory.Litigation;

            var line = ComputeLatePenalty.Execute(piece.Id, piece.DueDate, on, piece.OpenAmountOn, Disputed, rates, settings.LatePenaltyPolicy,
                indemnity: piece.Type == PieceType.Invoice);
            if (line.DaysLate > 0)
            {
                lines.Add((piece, line));
            }
        }

        return new LatePenalties(on, lines, exchangeRates);
    }
}
