using Dso.Domain.Actions;
using Dso.Domain.Clients;
using Dso.Domain.Pieces;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class ActionConfiguration : IEntityTypeConfiguration<CollectionAction>
{
    public void Configure(EntityTypeBuilder<CollectionAction> builder)
    {
        builder.ToTable("Actions");
        builder.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.HasIndex(a => new { a.OrganizationId, a.State, a.DueDate });
        // One action per step of a cycle, whatever runs race: the scenario engine's idempotence key. The
        // offset (set by the step) makes it cover each cycle's progress, read from the index alone.
        builder.HasIndex(a => new { a.OrganizationId, a.ClientId, a.LeaderPieceId, a.ScenarioId, a.ScenarioVersion, a.StepIndex, a.StepOffset }).IsUnique();
        builder.HasMany(a => a.Pieces).WithOne().HasForeignKey(p => p.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
