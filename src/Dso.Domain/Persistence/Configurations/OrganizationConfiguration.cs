using Dso.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.MainCurrency).HasMaxLength(3);
        builder.Property(o => o.TimeZone).HasMaxLength(64);
        builder.OwnsOne(o => o.Settings, settings =>
        {
            settings.ToTable("OrganizationSettings");
            settings.Property(s => s.LatePenaltyPolicy).HasConversion<string>().HasMaxLength(16);
            settings.Property(s => s.SenderName).HasMaxLength(200);
            settings.Property(s => s.ReplyTo).HasMaxLength(320);
            settings.Ignore(s => s.SendWindow);
            settings.Ignore(s => s.RiskWeights);
        });
        builder.Navigation(o => o.Settings).IsRequired();
    }
}
