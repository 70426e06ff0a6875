using Dso.Domain.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class DomainEventConfiguration : IEntityTypeConfiguration<DomainEvent>
{
    public void Configure(EntityTypeBuilder<DomainEvent> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.Topic).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(40);
        // An import's batch names up to 2 000 pieces.
        builder.Property(e => e.Batch).HasMaxLength(1_000_000);
    }
}

internal sealed class EventConsumerConfiguration : IEntityTypeConfiguration<EventConsumer>
{
    public void Configure(EntityTypeBuilder<EventConsumer> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.ClaimedBy).HasMaxLength(200);
        builder.Property(c => c.LastError).HasMaxLength(1200);
    }
}
