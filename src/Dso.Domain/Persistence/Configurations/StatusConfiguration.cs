using Dso.Domain.Organizations;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class StatusConfiguration : IEntityTypeConfiguration<Status>
{
    public void Configure(EntityTypeBuilder<Status> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId);
        builder.HasIndex(s => new { s.OrganizationId, s.Name }).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Category).HasConversion<string>().HasMaxLength(24);
    }
}
