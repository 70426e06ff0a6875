using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class BalanceEventConfiguration : IEntityTypeConfiguration<BalanceEvent>
{
    public void Configure(EntityTypeBuilder<BalanceEvent> builder)
    {
        builder.HasIndex(e => new { e.PieceId, e.Date }).IsUnique();
        builder.Property(e => e.Currency).HasMaxLength(3);
        // Covers the receivables-over-time scan: changes summed by date then currency, streamed from the index alone.
        builder.HasIndex(e => new { e.OrganizationId, e.Date, e.Currency, e.Receivable, e.Change });
    }
}
