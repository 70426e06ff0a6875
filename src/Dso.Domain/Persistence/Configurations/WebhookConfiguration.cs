using Dso.Domain.Organizations;
using Dso.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(w => w.OrganizationId);
        builder.Property(w => w.Url).HasMaxLength(WebhookAddresses.MaxUrlLength);
        builder.Property(w => w.SealedSecret).HasMaxLength(1000);
        builder.Ignore(w => w.Events);
        builder.HasIndex(w => w.OrganizationId);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Event).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.MessageId).HasMaxLength(40);
        builder.Property(d => d.Body).HasMaxLength(int.MaxValue);
        builder.Property(d => d.Error).HasMaxLength(1000);
        builder.Property(d => d.ClaimedBy).HasMaxLength(200);
        builder.HasIndex(d => d.MessageId).IsUnique();
        // The due deliveries, in the order they are taken; a webhook's list, latest first; what was sent of an entity.
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        builder.HasIndex(d => new { d.WebhookId, d.Id });
        builder.HasIndex(d => new { d.WebhookId, d.Event, d.EntityId });
    }
}
