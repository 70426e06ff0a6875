using Dso.Domain.ExchangeRates;
using Dso.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
        builder.Property(r => r.Currency).HasMaxLength(3);
        // Ten decimals do not fit the money scale; rates are never summed in SQL, so their exact text is kept.
        builder.Property(r => r.Rate).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(r => new { r.OrganizationId, r.Currency, r.Date }).IsUnique();
    }
}
