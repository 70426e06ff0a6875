using Dso.Domain.Imports;
using Dso.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(j => j.OrganizationId);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Mode).HasConversion<string>().HasMaxLength(8);
        builder.Property(j => j.MappingJson).HasMaxLength(20_000);
        builder.Property(j => j.ClaimedBy).HasMaxLength(200);
        builder.Property(j => j.Message).HasMaxLength(2000);
        builder.HasIndex(j => j.State);
    }
}

internal sealed class ImportFileChunkConfiguration : IEntityTypeConfiguration<ImportFileChunk>
{
    public void Configure(EntityTypeBuilder<ImportFileChunk> builder)
    {
        builder.HasIndex(c => new { c.ImportJobId, c.Index }).IsUnique();
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(c => c.ImportJobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> builder)
    {
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(e => e.ImportJobId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Message).HasMaxLength(1000);
        builder.HasIndex(e => new { e.ImportJobId, e.Id });
    }
}

internal sealed class SavedImportMappingConfiguration : IEntityTypeConfiguration<SavedImportMapping>
{
    public void Configure(EntityTypeBuilder<SavedImportMapping> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
        builder.HasIndex(m => new { m.OrganizationId, m.Name }).IsUnique();
        builder.Property(m => m.Json).HasMaxLength(20_000);
    }
}
