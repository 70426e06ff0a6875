using Dso.Domain.Common.Paging;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;

namespace Dso.Domain.Clients;

/// <summary>A page of clients with their balances, filtered and ordered (default: by name).</summary>
public sealed class ListClients(DsoDbContext db, TimeProvider clock)
{
    public async Task<Page<ClientRow>> ExecuteAsync(ClientFilter? filter, IReadOnlyList<SortOrder<ClientOrderField>>? orderBy, PageRequest page, CancellationToken cancellationToken)
    {
        var today = (await db.CurrentOrganizationAsync(cancellationToken)).Today(clock);
        var clients = db.Clients.AsQueryable();
        if (filter?.Search is { Length: > 0 } search)
        {
            // ToLower is translated to SQL (lower()); the comparison happens in the database.
#pragma warning disable CA1862
            var term = search.Trim().ToLowerInvariant();
            clients = clients.Where(c => c.Code.ToLower().Contains(term) || c.Name.ToLower().Contains(term) || (c.LegalId != null && c.LegalId.Contains(term)));
#pragma warning restore CA1862
        }

        if (filter?.ScenarioId is { } scenarioId)
        {
            clients = clients.Where(c => c.ScenarioId == scenarioId);
        }

        if (filter?.AssignedTo is { } user)
        {
            clients = clients.Where(c => db.ClientAssignments.Any(a => a.ClientId == c.Id && a.UserId == user));
        }

        var rows = clients.WithBalances(db, today);
        if (filter?.Overdue is { } overdue)
        {
            rows = overdue ? rows.Where(r => r.Overdue > 0) : rows.Where(r => r.Overdue <= 0);
        }

        if (filter?.OverCreditLimit is { } over)
        {
            rows = over
                ? rows.Where(r => r.Client.CreditLimit != null && r.Outstanding > r.Client.CreditLimit)
                : rows.Where(r => r.Client.CreditLimit == null || r.Outstanding <= r.Client.CreditLimit);
        }

        if (filter?.RiskClasses is { } classes)
        {
            var ranks = classes.Select(c => (int)c).ToList();
            rows = rows.Where(r => ranks.Contains(r.RiskRank));
        }

        if (filter?.MinRiskScore is { } min)
        {
            rows = rows.Where(r => r.RiskScore >= min);
        }

        if (filter?.MaxRiskScore is { } max)
        {
            rows = rows.Where(r => r.RiskScore >= 0 && r.RiskScore <= max);
        }

        var keys = (orderBy is { Count: > 0 } ? orderBy : [new SortOrder<ClientOrderField>(ClientOrderField.Name, false)])
            .Select(Key)
            .Append(SortKeys.By<ClientRow, long>("id", r => r.Client.Id, orderBy is { Count: > 0 } && orderBy[^1].Descending))
            .ToList();
        return await Keyset.PageAsync(rows, keys, page, cancellationToken);
    }

    private static SortKey<ClientRow> Key(SortOrder<ClientOrderField> order) => order.Field switch
    {
        ClientOrderField.Name => SortKeys.By<ClientRow, string>("name", r => r.Client.Name, order.Descending),
        ClientOrderField.Code => SortKeys.By<ClientRow, string>("code", r => r.Client.Code, order.Descending),
        ClientOrderField.Outstanding => SortKeys.By<ClientRow, decimal>("outstanding", r => r.Outstanding, order.Descending),
        ClientOrderField.Overdue => SortKeys.By<ClientRow, decimal>("overdue", r => r.Overdue, order.Descending),
        ClientOrderField.RiskScore => SortKeys.By<ClientRow, int>("riskScore", r => r.RiskScore, order.Descending),
        ClientOrderField.RiskClass => SortKeys.By<ClientRow, int>("riskClass", r => r.RiskRank, order.Descending),
        _ => throw new ArgumentOutOfRangeException(nameof(order)),
    };
}
