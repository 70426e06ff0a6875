using Dso.Domain.Clients;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Messaging;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Dso.Domain.Scenarios;
using Dso.Domain.Statuses;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.GraphQL.DataLoading;

/// <summary>The request's batch loaders: one query per kind of thing per level of the tree, whatever the page size.</summary>
public sealed class Loaders(DsoDbContext db, TimeProvider clock)
{
    private Organization? organization;
    private BatchLoader<long, IReadOnlyList<CurrencyBalance>>? clientBalances;
    private ExchangeRateTable? todaysRates;

    public BatchLoader<long, Client> Clients { get; } = new((ids, ct) => ById(db.Clients.AsNoTracking(), ids, ct));

    public BatchLoader<long, Piece> Pieces { get; } = new((ids, ct) => ById(db.Pieces.AsNoTracking(), ids, ct));

    public BatchLoader<long, Status> Statuses { get; } = new((ids, ct) => ById(db.Statuses.AsNoTracking(), ids, ct));

    public BatchLoader<long, Scenario> Scenarios { get; } =
        new((ids, ct) => ById(db.Scenarios.AsNoTracking().Include(s => s.Steps), ids, ct));

    public BatchLoader<long, Template> Templates { get; } =
        new((ids, ct) => ById(db.Templates.AsNoTracking().Include(t => t.Translations), ids, ct));

    public BatchLoader<long, User> Users { get; } = new((ids, ct) => ById(db.Users.AsNoTracking(), ids, ct));

    public BatchLoader<long, Dso.Domain.Connections.ErpConnection> ErpConnections { get; } = new((ids, ct) => ById(db.ErpConnections.AsNoTracking(), ids, ct));

    public BatchLoader<long, Dso.Domain.Connections.SyncRun> SyncRuns { get; } = new((ids, ct) => ById(db.SyncRuns.AsNoTracking(), ids, ct));

    public BatchLoader<long, Dso.Domain.Imports.ImportJob> ImportJobs { get; } = new((ids, ct) => ById(db.Set<Dso.Domain.Imports.ImportJob>().AsNoTracking(), ids, ct));

    public BatchLoader<long, IReadOnlyList<Contact>> ContactsOfClient { get; } = new(async (ids, ct) =>
        (await db.Clients.AsNoTracking().Include(c => c.Contacts).Where(c => ids.Contains(c.Id)).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => c.Contacts));

    public BatchLoader<long, IReadOnlyList<User>> UsersOfClient { get; } = new(async (ids, ct) =>
        (await db.ClientAssignments.Where(a => ids.Contains(a.ClientId)).Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.ClientId, User = u })
            .AsNoTracking().ToListAsync(ct))
        .GroupBy(x => x.ClientId).ToDictionary(g => g.Key, g => (IReadOnlyList<User>)g.Select(x => x.User).OrderBy(u => u.Name).ToList()));

    public BatchLoader<long, IReadOnlyList<Dso.Domain.Actions.CollectionOverride>> OverridesOfClient { get; } = new(async (ids, ct) =>
        (await db.Overrides.AsNoTracking().Where(o => ids.Contains(o.ClientId)).ToListAsync(ct))
            .GroupBy(o => o.ClientId).ToDictionary(g => g.Key, g => (IReadOnlyList<Dso.Domain.Actions.CollectionOverride>)g.OrderByDescending(o => o.At).ThenByDescending(o => o.Id).ToList()));

    public BatchLoader<long, Dso.Domain.Alerts.Alert> Alerts { get; } = new((ids, ct) => ById(db.Alerts.AsNoTracking(), ids, ct));

    public BatchLoader<long, Dso.Domain.Risk.ClientRisk> RiskOfClient { get; } = new(async (ids, ct) =>
        await db.ClientRisks.AsNoTracking().Where(r => ids.Contains(r.ClientId)).ToDictionaryAsync(r => r.ClientId, ct));

    public BatchLoader<long, Dso.Domain.Alerts.AlertRule> AlertRules { get; } = new((ids, ct) => ById(db.AlertRules.AsNoTracking(), ids, ct));

    public BatchLoader<long, Dso.Domain.Actions.CollectionAction> Actions { get; } = new((ids, ct) => ById(db.Actions.AsNoTracking(), ids, ct));

    public BatchLoader<long, IReadOnlyList<Piece>> PiecesOfAction { get; } = new(async (ids, ct) =>
        (await db.Set<Dso.Domain.Actions.ActionPiece>().AsNoTracking().Where(a => ids.Contains(a.ActionId))
            .Join(db.Pieces.AsNoTracking(), a => a.PieceId, p => p.Id, (a, p) => new { a.ActionId, Piece = p })
            .ToListAsync(ct))
            .GroupBy(x => x.ActionId).ToDictionary(g => g.Key, g => (IReadOnlyList<Piece>)g.Select(x => x.Piece).OrderBy(p => p.DueDate).ToList()));

    public BatchLoader<long, IReadOnlyList<Dso.Domain.Messaging.Message>> MessagesOfAction { get; } = new(async (ids, ct) =>
        (await db.Messages.AsNoTracking().Where(m => ids.Contains(m.ActionId)).OrderBy(m => m.Id).ToListAsync(ct))
            .GroupBy(m => m.ActionId).ToDictionary(g => g.Key, g => (IReadOnlyList<Dso.Domain.Messaging.Message>)g.ToList()));

    public BatchLoader<long, Dso.Domain.Messaging.Message> Messages { get; } = new((ids, ct) => ById(db.Messages.AsNoTracking(), ids, ct));

    public BatchLoader<long, IReadOnlyList<BalanceEvent>> BalanceHistoryOfPiece { get; } = new(async (ids, ct) =>
        (await db.BalanceEvents.AsNoTracking().Where(e => ids.Contains(e.PieceId)).ToListAsync(ct))
            .GroupBy(e => e.PieceId).ToDictionary(g => g.Key, g => (IReadOnlyList<BalanceEvent>)g.OrderBy(e => e.Date).ToList()));

    public BatchLoader<long, IReadOnlyList<StatusChange>> HistoryOfPiece { get; } = new(async (ids, ct) =>
        (await db.StatusChanges.AsNoTracking().Where(c => ids.Contains(c.PieceId)).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct))
            .GroupBy(c => c.PieceId).ToDictionary(g => g.Key, g => (IReadOnlyList<StatusChange>)g.ToList()));

    /// <summary>Each client's outstanding and overdue amounts, per currency.</summary>
    public BatchLoader<long, IReadOnlyList<CurrencyBalance>> ClientBalances => clientBalances ??= new(async (ids, ct) =>
        await Dso.Domain.Clients.ClientBalances.ByCurrencyAsync(db, ids, (await OrganizationAsync(ct)).Today(clock), ct));

    /// <summary>The exchange rates in force today, read once per request.</summary>
    public async Task<ExchangeRateTable> TodaysRatesAsync(CancellationToken cancellationToken) =>
        todaysRates ??= await ExchangeRateTable.LoadAsync(db, (await OrganizationAsync(cancellationToken)).Today(clock), cancellationToken);

    /// <summary>The current organization, read once per request.</summary>
    public async Task<Organization> OrganizationAsync(CancellationToken cancellationToken) =>
        organization ??= await db.CurrentOrganizationAsync(cancellationToken);

    private static async Task<IReadOnlyDictionary<long, T>> ById<T>(IQueryable<T> set, IReadOnlyList<long> ids, CancellationToken cancellationToken)
        where T : class, Dso.Domain.Common.IEntity =>
        await set.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
}
