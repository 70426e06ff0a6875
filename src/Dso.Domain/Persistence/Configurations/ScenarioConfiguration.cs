using Dso.Domain.Messaging;
using Dso.Domain.Organizations;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId);
        builder.HasIndex(s => new { s.OrganizationId, s.Name }).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.HasMany(s => s.Steps).WithOne().HasForeignKey(s => s.ScenarioId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Steps).HasField("steps");
    }
}
