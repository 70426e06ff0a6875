using Dso.Domain.Actions;
using Dso.Domain.Clients;
using Dso.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class CollectionOverrideConfiguration : IEntityTypeConfiguration<CollectionOverride>
{
    public void Configure(EntityTypeBuilder<CollectionOverride> builder)
    {
        builder.ToTable("Overrides");
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId);
        builder.HasOne<Client>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Reason).HasMaxLength(2000);
        builder.HasIndex(o => new { o.ClientId, o.At });
    }
}
