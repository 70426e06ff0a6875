using Dso.Domain.Clients;
using Dso.Domain.Messaging;
using Dso.Domain.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class PortalLinkConfiguration : IEntityTypeConfiguration<PortalLink>
{
    public void Configure(EntityTypeBuilder<PortalLink> builder)
    {
        builder.HasOne<Client>().WithMany().HasForeignKey(l => l.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Key).HasMaxLength(32);
        builder.HasIndex(l => l.Key).IsUnique();
        builder.Property(l => l.PieceIds).HasConversion(
            ids => string.Join(',', ids), text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList(),
            new ValueComparer<List<long>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, i) => HashCode.Combine(h, i)), l => l.ToList()))
            .HasMaxLength(20_000);
    }
}

internal sealed class PortalAnswerConfiguration : IEntityTypeConfiguration<PortalAnswer>
{
    public void Configure(EntityTypeBuilder<PortalAnswer> builder)
    {
        builder.HasOne<PortalLink>().WithMany().HasForeignKey(a => a.LinkId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Submission).HasMaxLength(64);
        builder.Property(a => a.Kind).HasMaxLength(16);
        builder.Property(a => a.Summary).HasMaxLength(2000);
        // A form posted twice records once.
        builder.HasIndex(a => new { a.LinkId, a.Submission }).IsUnique();
    }
}

internal sealed class MessageDocumentConfiguration : IEntityTypeConfiguration<MessageDocument>
{
    public void Configure(EntityTypeBuilder<MessageDocument> builder)
    {
        builder.HasOne<Message>().WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.MessageId).IsUnique();
        builder.Property(d => d.FileName).HasMaxLength(200);
    }
}
