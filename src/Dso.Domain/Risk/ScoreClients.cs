using System.Globalization;
using Dso.Domain.Alerts;
using Dso.Domain.Clients;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Risk;

/// <summary>
/// Scores the organization's clients (all of them, or those named) with the organization's weights, today
/// (domain-rules §7), and keeps RISK_DEGRADED: raised when a client's class gets worse (once, until acknowledged or the
/// class comes back), resolved when the class comes back to where it was. Amounts are in the main currency at today's
/// rates; a client whose amounts need a missing rate keeps its last score.
/// </summary>
public sealed class ScoreClients(DsoDbContext db, TimeProvider clock)
{
    public const int ChunkSize = 1000;

    /// <summary>Scores the clients named, or every client (a chunk at a time); returns how many were scored.</summary>
    public async Task<int> ExecuteAsync(IReadOnlyCollection<long>? clientIds, CancellationToken cancellationToken)
    {
        var scored = 0;
        var all = clientIds ?? await db.Clients.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var chunk in all.Chunk(ChunkSize))
        {
            try
            {
                scored += await ScoreAsync(chunk, cancellationToken);
            }
            catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
            {
                // Another process scored one of these clients, or raised its alert, meanwhile: score again.
                db.ChangeTracker.Clear();
                scored += await ScoreAsync(chunk, cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        return scored;
    }

    private async Task<int> ScoreAsync(long[] clientIds, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var (today, now) = (organization.Today(clock), clock.GetUtcNow());
        var rows = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Id, c.Currency, c.CreditLimit }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var disputes = await db.Statuses.Where(s => s.Category == StatusCategory.Dispute || s.Category == StatusCategory.Litigation).Select(s => (long?)s.Id).ToListAsync(cancellationToken);
        var balances = await ClientBalances.ByCurrencyAsync(db, ids, today, cancellationToken, disputes);
        var daysLate = await AverageDaysLateAsync(ids, today, cancellationToken);
        var since = now.AddMonths(-RiskModel.Months);
        var broken = await db.Alerts.Where(a => a.ClientId != null && ids.Contains(a.ClientId.Value) && a.Kind == AlertKind.BrokenPromise && a.RaisedAt >= since)
            .GroupBy(a => a.ClientId!.Value).Select(g => new { ClientId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.ClientId, g => g.Count, cancellationToken);
        var risks = await db.ClientRisks.Where(r => ids.Contains(r.ClientId)).ToDictionaryAsync(r => r.ClientId, cancellationToken);
        var open = await db.Alerts.Where(a => a.ClientId != null && ids.Contains(a.ClientId.Value) && a.Kind == AlertKind.RiskDegraded && a.AcknowledgedAt == null && a.ResolvedAt == null)
            .ToDictionaryAsync(a => a.ClientId!.Value, cancellationToken);
        var alerting = await ListAlertRules.EnabledAsync(db, organization.Id, AlertKind.RiskDegraded, cancellationToken);
        var rates = await ExchangeRateTable.LoadAsync(db, today, cancellationToken);
        var weights = organization.Settings.RiskWeights;

        var scored = 0;
        foreach (var client in rows)
        {
            RiskInputs inputs;
            try
            {
                var amounts = balances.GetValueOrDefault(client.Id) ?? [];
                var outstanding = rates.Total(amounts.Select(b => (b.Currency, b.Outstanding)));
                var overdue = rates.Total(amounts.Select(b => (b.Currency, b.Overdue)));
                var disputedAmount = rates.Total(amounts.Where(b => b.Disputed > 0).Select(b => (b.Currency, b.Disputed)));
                var limit = client.CreditLimit is { } l && l > 0 ? rates.Convert(l, client.Currency) : (decimal?)null;
                inputs = new RiskInputs(daysLate.GetValueOrDefault(client.Id), Share(overdue, outstanding), Share(disputedAmount, outstanding),
                    limit is { } max ? Math.Max(outstanding, 0) / max : null, broken.GetValueOrDefault(client.Id));
            }
            catch (MissingExchangeRateException)
            {
                continue;
            }

            if (!risks.TryGetValue(client.Id, out var risk))
            {
                risk = new ClientRisk(organization.Id, client.Id);
                db.ClientRisks.Add(risk);
            }

            var alert = open.GetValueOrDefault(client.Id);
            if (alert is null && risk.DegradedFrom is not null)
            {
                risk.Forget();
            }

            if (risk.Record(inputs, weights, now) is { } from && alert is null && alerting)
            {
                db.Alerts.Add(new Alert(organization.Id, AlertKind.RiskDegraded, client.Id,
                    string.Create(CultureInfo.InvariantCulture, $"Risk class down from {from} to {risk.Class} (score {risk.Score})."), now));
            }
            else if (risk.DegradedFrom is null)
            {
                alert?.Resolve(now);
            }

            scored++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return scored;
    }

    private static decimal Share(decimal part, decimal whole) => whole > 0 ? Math.Clamp(part / whole, 0m, 1m) : 0m;

    // Amount-weighted days late: invoices settled in the six calendar months up to today at their settlement
    // (early payments negative), open invoices past due as of today.
    private async Task<Dictionary<long, decimal>> AverageDaysLateAsync(List<long> ids, DateOnly today, CancellationToken cancellationToken)
    {
        var since = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - RiskModel.Months);
        var settled = await db.Pieces.Where(p => ids.Contains(p.ClientId) && p.Type == PieceType.Invoice && p.SettledOn >= since && p.SettledOn <= today)
            .GroupBy(p => new { p.ClientId, p.DueDate, p.SettledOn })
            .Select(g => new { g.Key.ClientId, g.Key.DueDate, On = g.Key.SettledOn!.Value, Weight = g.Sum(p => p.Amount) }).ToListAsync(cancellationToken);
        var late = await db.Pieces.Where(p => ids.Contains(p.ClientId) && p.Type == PieceType.Invoice && p.OpenAmount > 0 && p.DueDate < today)
            .GroupBy(p => new { p.ClientId, p.DueDate })
            .Select(g => new { g.Key.ClientId, g.Key.DueDate, Weight = g.Sum(p => p.OpenAmount) }).ToListAsync(cancellationToken);
        return settled.Concat(late.Select(l => new { l.ClientId, l.DueDate, On = today, l.Weight })).GroupBy(s => s.ClientId).Where(g => g.Sum(s => s.Weight) > 0)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Weight * (s.On.DayNumber - s.DueDate.DayNumber)) / g.Sum(s => s.Weight));
    }
}
