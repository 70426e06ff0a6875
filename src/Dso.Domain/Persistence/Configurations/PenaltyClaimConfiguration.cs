using Dso.Domain.Organizations;
using Dso.Domain.Penalties;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class PenaltyClaimConfiguration : IEntityTypeConfiguration<PenaltyClaim>
{
    public void Configure(EntityTypeBuilder<PenaltyClaim> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.HasOne<Piece>().WithMany().HasForeignKey(c => c.PieceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Piece>().WithMany().HasForeignKey(c => c.ClaimPieceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.WaiverReason).HasMaxLength(2000);
        builder.Ignore(c => c.Waived);
        builder.HasIndex(c => new { c.OrganizationId, c.ClientId });
        builder.HasIndex(c => c.PieceId);
    }
}
