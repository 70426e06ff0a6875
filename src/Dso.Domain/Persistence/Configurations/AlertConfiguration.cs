using Dso.Domain.Alerts;
using Dso.Domain.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Connections.ErpConnection>().WithMany().HasForeignKey(a => a.ErpConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Message).HasMaxLength(1000);
        builder.Ignore(a => a.Acknowledged);
        builder.HasIndex(a => new { a.OrganizationId, a.RaisedAt });
        builder.HasIndex(a => new { a.ClientId, a.Kind, a.AcknowledgedAt });
        // One open alert per rule and client, whichever processes evaluate the rule at once.
        builder.HasIndex(a => new { a.OrganizationId, a.Kind, a.ClientId }).IsUnique().HasDatabaseName("IX_Alerts_OneOpenPerClient")
            .HasFilter("\"AcknowledgedAt\" IS NULL AND \"ResolvedAt\" IS NULL AND \"ClientId\" IS NOT NULL");
    }
}

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.ThresholdAmount).HasPrecision(18, 4);
        builder.Ignore(r => r.HasThresholds);
        builder.HasIndex(r => new { r.OrganizationId, r.Kind }).IsUnique();
    }
}
