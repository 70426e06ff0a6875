using System.Linq.Expressions;
using Dso.Domain.Actions;
using Dso.Domain.Alerts;
using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Messaging;
using Dso.Domain.Organizations;
using Dso.Domain.Penalties;
using Dso.Domain.Pieces;
using Dso.Domain.Scenarios;
using Dso.Domain.Statuses;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Persistence;

/// <summary>
/// The receivables store. Every tenant-owned set is filtered to the current <see cref="Tenant"/>;
/// code that must see every organization (authentication, scheduling) says so with IgnoreQueryFilters.
/// </summary>
public sealed class DsoDbContext : DbContext
{
    public DsoDbContext(DbContextOptions<DsoDbContext> options, Tenant tenant)
        : base(options)
    {
        Tenant = tenant;
        // A save that fails inside a transaction fails the transaction: its owner rolls it back (and may run it again,
        // see Conflicts). EF's savepoint around each save would only cost: on SQLite, every statement under a
        // savepoint journals the pages it changes and rewinds that journal at its end, which grows with the save.
        Database.AutoSavepointsEnabled = false;
    }

    public Tenant Tenant { get; }

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<ClientAssignment> ClientAssignments => Set<ClientAssignment>();

    public DbSet<Piece> Pieces => Set<Piece>();

    public DbSet<BalanceEvent> BalanceEvents => Set<BalanceEvent>();

    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();

    public DbSet<Status> Statuses => Set<Status>();

    public DbSet<Scenario> Scenarios => Set<Scenario>();

    public DbSet<Template> Templates => Set<Template>();

    public DbSet<CollectionAction> Actions => Set<CollectionAction>();

    public DbSet<Messaging.Message> Messages => Set<Messaging.Message>();

    public DbSet<Portal.PortalLink> PortalLinks => Set<Portal.PortalLink>();

    public DbSet<Portal.PortalAnswer> PortalAnswers => Set<Portal.PortalAnswer>();

    public DbSet<MessageDocument> MessageDocuments => Set<MessageDocument>();

    public DbSet<CollectionOverride> Overrides => Set<CollectionOverride>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();

    public DbSet<Penalties.PenaltyClaim> PenaltyClaims => Set<Penalties.PenaltyClaim>();

    public DbSet<Penalties.PenaltyRate> PenaltyRates => Set<Penalties.PenaltyRate>();

    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    public DbSet<Events.DomainEvent> Events => Set<Events.DomainEvent>();

    public DbSet<Connections.ErpConnection> ErpConnections => Set<Connections.ErpConnection>();

    public DbSet<Connections.SyncRun> SyncRuns => Set<Connections.SyncRun>();

    public DbSet<Events.EventConsumer> EventConsumers => Set<Events.EventConsumer>();

    public DbSet<Alerts.AlertRule> AlertRules => Set<Alerts.AlertRule>();

    public DbSet<Risk.ClientRisk> ClientRisks => Set<Risk.ClientRisk>();

    public DbSet<Webhooks.Webhook> Webhooks => Set<Webhooks.Webhook>();

    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();

    /// <summary>
    /// Every save runs in a transaction (the caller's, else one of its own), so what the interceptors write beside
    /// the changes (events, audit entries) commits or rolls back with them.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save with SaveChangesAsync: events and audit entries are written by its interceptors.");

    private long? CurrentOrganizationId => Tenant.OrganizationId;

    private long? CurrentPortfolioUserId => Tenant.PortfolioUserId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HaveConversion<ScaledDecimalConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DsoDbContext).Assembly);
        modelBuilder.Entity<Organization>().HasQueryFilter(o => o.Id == CurrentOrganizationId);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)))
        {
            var parameter = Expression.Parameter(entity.ClrType, "e");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Convert(Expression.Property(parameter, nameof(ITenantOwned.OrganizationId)), typeof(long?)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentOrganizationId))),
                parameter);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(filter);
        }

        RestrictToPortfolio(modelBuilder);
    }

    /// <summary>
    /// The portfolio restriction on top of the organization's: a client is visible when the user holds it, and so
    /// are its pieces, their history, its actions (and those assigned to the user), messages, alerts, overrides and claims.
    /// With no restriction the parameter is null and EF removes the condition from the SQL it sends.
    /// </summary>
    private void RestrictToPortfolio(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Client>().HasQueryFilter(c => c.OrganizationId == CurrentOrganizationId &&
            (CurrentPortfolioUserId == null || ClientAssignments.Any(a => a.ClientId == c.Id && a.UserId == CurrentPortfolioUserId)));
        modelBuilder.Entity<Piece>().HasQueryFilter(p => p.OrganizationId == CurrentOrganizationId &&
            (CurrentPortfolioUserId == null || ClientAssignments.Any(a => a.ClientId == p.ClientId && a.UserId == CurrentPortfolioUserId)));
        modelBuilder.Entity<BalanceEvent>().HasQueryFilter(e => e.OrganizationId == CurrentOrganizationId &&
            (CurrentPortfolioUserId == null || Pieces.Any(p => p.Id == e.PieceId)));
        modelBuilder.Entity<StatusChange>().HasQueryFilter(c => c.OrganizationId == CurrentOrganizationId &&
            (CurrentPortfolioUserId == null || Pieces.Any(p => p.Id == c.PieceId)));
        modelBuilder.Entity<CollectionAction>().HasQueryFilter(a => a.OrganizationId == CurrentOrganizationId &&
            (CurrentPortfolioUserId == null || a.AssigneeId == CurrentPortfolioUserId || ClientAssignments.Any(x => x.ClientId == a.ClientId && x.UserId == CurrentPortfolioUserId)));
        modelBuilder.Entity<Alert>().HasQueryFilter(a => a.OrganizationId == CurrentOrganizationId &&
            (CurrentPortfolioUserId == null || a.ClientId == null || ClientAssignments.Any(x => x.ClientId == a.ClientId && x.UserId == CurrentPortfolioUserId)));
        modelBuilder.Entity<CollectionOverride>().HasQueryFilter(o => o.OrganizationId == CurrentOrganizationId &&
            (CurrentPortfolioUserId == null || ClientAssignments.Any(x => x.ClientId == o.ClientId && x.UserId == CurrentPortfolioUserId)));
        modelBuilder.Entity<Messaging.Message>().HasQueryFilter(m => m.OrganizationId == CurrentOrganizationId &&
            (CurrentPortfolioUserId == null || ClientAssignments.Any(x => x.ClientId == m.ClientId && x.UserId == CurrentPortfolioUserId)));
        modelBuilder.Entity<Risk.ClientRisk>().HasQueryFilter(r => r.OrganizationId == CurrentOrganizationId &&
            (CurrentPortfolioUserId == null || ClientAssignments.Any(x => x.ClientId == r.ClientId && x.UserId == CurrentPortfolioUserId)));
        modelBuilder.Entity<PenaltyClaim>().HasQueryFilter(c => c.OrganizationId == CurrentOrganizationId &&
            (CurrentPortfolioUserId == null || ClientAssignments.Any(x => x.ClientId == c.ClientId && x.UserId == CurrentPortfolioUserId)));
    }
}
