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
        // Signing in with a token looks users up by subject or email address before any organization is known.
        builder.HasIndex(u => u.Email);
        builder.HasIndex(u => u.Subject);
        builder.Property(u => u.Subject).HasMaxLength(200);
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.Email).HasMaxLength(320);
    }
}
