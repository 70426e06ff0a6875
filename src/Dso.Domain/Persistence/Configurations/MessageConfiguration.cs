using Dso.Domain.Actions;
using Dso.Domain.Clients;
using Dso.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("Messages");
        builder.HasOne<CollectionAction>().WithMany().HasForeignKey(m => m.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Client>().WithMany().HasForeignKey(m => m.ClientId);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        // Recipients one per line: addresses, phone numbers or a letter's address lines.
        builder.Property(m => m.To).HasConversion(
            to => string.Join('\n', to), text => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList(),
            new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), l => l.ToList()))
            .HasMaxLength(2000);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.Body).HasMaxLength(1_000_000);
        builder.Property(m => m.Language).HasMaxLength(16);
        builder.Property(m => m.Error).HasMaxLength(2000);
        builder.Property(m => m.Key).HasMaxLength(32);
        builder.Property(m => m.ClaimedBy).HasMaxLength(200);
        // One message per action and channel, whatever instances race to queue it. The organization leads, as in every
        // query the tenant filter adds it: SQLite then looks a message up by its action instead of scanning the organization's.
        builder.HasIndex(m => new { m.OrganizationId, m.ActionId, m.Channel }).IsUnique();
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => new { m.OrganizationId, m.ClientId, m.QueuedAt });
    }
}
