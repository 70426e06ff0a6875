using Dso.Domain.Pieces;
using Dso.Domain.Statuses;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.HasOne<Piece>().WithMany().HasForeignKey(c => c.PieceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Status>().WithMany().HasForeignKey(c => c.StatusId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PieceId, c.At });
        builder.Property(c => c.Comment).HasMaxLength(2000);
    }
}
