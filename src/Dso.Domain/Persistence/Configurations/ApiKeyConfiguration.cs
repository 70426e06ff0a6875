using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasOne(k => k.User).WithMany().HasForeignKey(k => k.UserId);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => k.OrganizationId);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.Prefix).HasMaxLength(12);
    }
}
