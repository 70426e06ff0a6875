using Dso.Domain.Actions;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class ActionPieceConfiguration : IEntityTypeConfiguration<ActionPiece>
{
    public void Configure(EntityTypeBuilder<ActionPiece> builder)
    {
        builder.HasKey(p => new { p.ActionId, p.PieceId });
        builder.HasOne<Piece>().WithMany().HasForeignKey(p => p.PieceId).OnDelete(DeleteBehavior.Cascade);
    }
}
