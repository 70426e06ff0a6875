using System.Globalization;
using Dso.Domain.Actions;
using Dso.Domain.Clients;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Alerts;

/// <summary>
/// The client rules of domain-rules §7, on the organization's clients (all of them, or those named), today:
/// OVER_CREDIT_LIMIT, the outstanding (in the main currency at today's rates) above the credit limit; NOT_DUNNED,
/// the overdue above the rule's threshold, its oldest overdue piece due the rule's days ago or more, and no action
/// done in those days; CREDIT_REVIEW_DUE, the credit limit's review date come. A client that meets an enabled rule
/// gets one alert unless it has one open (neither acknowledged nor resolved); an open alert whose condition no
/// longer holds is resolved (a unique index keeps one open alert per rule and client across processes). A client
/// whose amounts need a missing exchange rate is left as it is.
/// </summary>
public sealed class EvaluateClientAlerts(DsoDbContext db, TimeProvider clock)
{
    private static readonly AlertKind[] Kinds = [AlertKind.OverCreditLimit, AlertKind.NotDunned, AlertKind.CreditReviewDue];

    public async Task<(int Raised, int Resolved)> ExecuteAsync(IReadOnlyCollection<long>? clientIds, CancellationToken cancellationToken)
    {
        try
        {
            return await EvaluateAsync(clientIds, cancellationToken);
        }
        catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
        {
            // Another process raised one of these alerts meanwhile (the unique index of open alerts): evaluate again.
            db.ChangeTracker.Clear();
            return await EvaluateAsync(clientIds, cancellationToken);
        }
    }

    private async Task<(int Raised, int Resolved)> EvaluateAsync(IReadOnlyCollection<long>? clientIds, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var rules = (await db.AlertRules.AsNoTracking().ToListAsync(cancellationToken)).Where(r => r.Enabled && Kinds.Contains(r.Kind)).ToDictionary(r => r.Kind);
        if (rules.Count == 0)
        {
            return (0, 0);
        }

        var today = organization.Today(clock);
        var now = clock.GetUtcNow();
        var clients = clientIds is null ? db.Clients.AsNoTracking() : db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id));
        var rows = await clients.Select(c => new { c.Id, c.Currency, c.CreditLimit, c.CreditLimitReviewDate }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var balances = await ClientBalances.ByCurrencyAsync(db, ids, today, cancellationToken);
        var oldestOverdue = await db.Pieces.Where(p => ids.Contains(p.ClientId) && PieceTypes.Receivable.Contains(p.Type) && p.OpenAmount > 0 && p.DueDate < today)
            .GroupBy(p => p.ClientId).Select(g => new { ClientId = g.Key, Due = g.Min(p => p.DueDate) }).ToDictionaryAsync(g => g.ClientId, g => g.Due, cancellationToken);
        var notDunnedSince = rules.TryGetValue(AlertKind.NotDunned, out var notDunned) ? now.AddDays(-(notDunned.Days ?? AlertRule.DefaultNotDunnedDays)) : now;
        var dunned = await db.Actions.Where(a => ids.Contains(a.ClientId) && a.State == ActionState.Done && a.CompletedAt >= notDunnedSince)
            .Select(a => a.ClientId).Distinct().ToListAsync(cancellationToken);
        var rates = await ExchangeRateTable.LoadAsync(db, today, cancellationToken);

        var met = new Dictionary<(AlertKind, long), string>();
        var unknown = new HashSet<long>();
        foreach (var client in rows)
        {
            decimal outstanding, overdue;
            try
            {
                var amounts = balances.GetValueOrDefault(client.Id) ?? [];
                (outstanding, overdue) = (rates.Total(amounts.Select(b => (b.Currency, b.Outstanding))), rates.Total(amounts.Select(b => (b.Currency, b.Overdue))));
                if (rules.ContainsKey(AlertKind.OverCreditLimit) && client.CreditLimit is { } limit && outstanding > rates.Convert(limit, client.Currency))
                {
                    met[(AlertKind.OverCreditLimit, client.Id)] = string.Create(CultureInfo.InvariantCulture,
                        $"Outstanding {outstanding:N2} {rates.MainCurrency} is above the credit limit of {limit:N2} {client.Currency}.");
                }
            }
            catch (MissingExchangeRateException)
            {
                unknown.Add(client.Id);
                continue;
            }

            if (notDunned is not null && overdue > (notDunned.ThresholdAmount ?? 0m) && oldestOverdue.TryGetValue(client.Id, out var due)
                && due <= today.AddDays(-(notDunned.Days ?? AlertRule.DefaultNotDunnedDays)) && !dunned.Contains(client.Id))
            {
                met[(AlertKind.NotDunned, client.Id)] = string.Create(CultureInfo.InvariantCulture,
                    $"{overdue:N2} {rates.MainCurrency} overdue since {due:yyyy-MM-dd} and no action done in {notDunned.Days ?? AlertRule.DefaultNotDunnedDays} days.");
            }

            if (rules.ContainsKey(AlertKind.CreditReviewDue) && client.CreditLimitReviewDate is { } review && review <= today)
            {
                met[(AlertKind.CreditReviewDue, client.Id)] = string.Create(CultureInfo.InvariantCulture, $"The credit limit is due for review since {review:yyyy-MM-dd}.");
            }
        }

        var kinds = rules.Keys.ToList();
        var open = await db.Alerts.Where(a => a.ClientId != null && ids.Contains(a.ClientId.Value) && kinds.Contains(a.Kind) && a.AcknowledgedAt == null && a.ResolvedAt == null)
            .ToListAsync(cancellationToken);
        var resolved = 0;
        foreach (var alert in open.Where(a => !met.ContainsKey((a.Kind, a.ClientId!.Value)) && !unknown.Contains(a.ClientId!.Value)))
        {
            alert.Resolve(now);
            resolved++;
        }

        var already = open.Select(a => (a.Kind, a.ClientId!.Value)).ToHashSet();
        var raised = met.Where(m => !already.Contains(m.Key))
            .Select(m => new Alert(organization.Id, m.Key.Item1, m.Key.Item2, m.Value, now)).ToList();
        db.Alerts.AddRange(raised);
        await db.SaveChangesAsync(cancellationToken);
        return (raised.Count, resolved);
    }
}
