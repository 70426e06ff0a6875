using Dso.Domain.Organizations;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId);
        builder.HasIndex(u => new { u.OrganizationId, u.Email }).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.Email).HasMaxLength(320);
    }
}
