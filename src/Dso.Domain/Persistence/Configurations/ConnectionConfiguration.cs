using Dso.Domain.Connections;
using Dso.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class ErpConnectionConfiguration : IEntityTypeConfiguration<ErpConnection>
{
    public void Configure(EntityTypeBuilder<ErpConnection> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.Property(c => c.PluginId).HasMaxLength(100);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.SettingsJson).HasMaxLength(20_000);
        builder.Property(c => c.SealedSecrets).HasMaxLength(20_000);
        builder.Property(c => c.Schedule).HasMaxLength(200);
        builder.Property(c => c.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Cursor).HasMaxLength(4000);
        builder.Ignore(c => c.Source);
        builder.HasIndex(c => new { c.OrganizationId, c.Name }).IsUnique();
        builder.HasIndex(c => c.NextRunAt);
    }
}

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.HasOne<ErpConnection>().WithMany().HasForeignKey(r => r.ErpConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.StartCursor).HasMaxLength(4000);
        builder.Property(r => r.Cursor).HasMaxLength(4000);
        builder.Property(r => r.Message).HasMaxLength(2000);
        builder.Property(r => r.ClaimedBy).HasMaxLength(200);
        builder.Ignore(r => r.ResumeCursor);
        builder.HasIndex(r => new { r.ErpConnectionId, r.Id });
        builder.HasIndex(r => r.State);
        // Runs of a connection never overlap: at most one is queued or running, whatever the instance that queues it.
        builder.HasIndex(r => r.ErpConnectionId, "IX_SyncRuns_Unfinished").IsUnique().HasFilter("\"State\" IN ('Queued', 'Running')");
    }
}

internal sealed class SyncRunSeenConfiguration : IEntityTypeConfiguration<SyncRunSeen>
{
    public void Configure(EntityTypeBuilder<SyncRunSeen> builder)
    {
        builder.HasOne<SyncRun>().WithMany().HasForeignKey(s => s.ReadId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.PieceIds).HasMaxLength(int.MaxValue);
        builder.HasIndex(s => s.ReadId);
    }
}

internal sealed class SyncRunErrorConfiguration : IEntityTypeConfiguration<SyncRunError>
{
    public void Configure(EntityTypeBuilder<SyncRunError> builder)
    {
        builder.HasOne<SyncRun>().WithMany().HasForeignKey(e => e.SyncRunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Message).HasMaxLength(1000);
        builder.HasIndex(e => new { e.SyncRunId, e.Id });
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
        builder.Property(k => k.Xml).HasMaxLength(20_000);
    }
}
