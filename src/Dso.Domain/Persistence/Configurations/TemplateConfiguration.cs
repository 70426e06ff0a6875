using Dso.Domain.Messaging;
using Dso.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class TemplateConfiguration : IEntityTypeConfiguration<Template>
{
    public void Configure(EntityTypeBuilder<Template> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
        builder.HasIndex(t => new { t.OrganizationId, t.Name }).IsUnique();
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(t => t.Translations).WithOne().HasForeignKey(t => t.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}
