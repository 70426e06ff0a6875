using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class BalanceEventConfiguration : IEntityTypeConfiguration<BalanceEvent>
{
    public void Configure(EntityTypeBuilder<BalanceEvent> builder)
    {
        builder.HasIndex(e => new { e.PieceId, e.Date }).IsUnique();
        builder.HasIndex(e => new { e.OrganizationId, e.Date });
    }
}
