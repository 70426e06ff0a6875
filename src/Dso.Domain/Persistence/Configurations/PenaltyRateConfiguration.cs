using Dso.Domain.Organizations;
using Dso.Domain.Penalties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class PenaltyRateConfiguration : IEntityTypeConfiguration<PenaltyRate>
{
    public void Configure(EntityTypeBuilder<PenaltyRate> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
        builder.Ignore(r => r.Rates);
        builder.HasIndex(r => new { r.OrganizationId, r.Year, r.Half }).IsUnique();
    }
}
