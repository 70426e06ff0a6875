using Dso.Domain.Audit;
using Dso.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId);
        builder.Property(e => e.Change).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Operation).HasMaxLength(100);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityKey).HasMaxLength(100);
        builder.Property(e => e.Values).HasMaxLength(1_000_000);
        builder.HasIndex(e => new { e.OrganizationId, e.Id });
        builder.HasIndex(e => new { e.OrganizationId, e.EntityType, e.EntityKey });
    }
}
