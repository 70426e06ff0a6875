using Dso.Domain.Clients;
using Dso.Domain.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class ClientRiskConfiguration : IEntityTypeConfiguration<ClientRisk>
{
    public void Configure(EntityTypeBuilder<ClientRisk> builder)
    {
        builder.HasKey(r => r.ClientId);
        builder.HasOne<Client>().WithOne(c => c.Risk).HasForeignKey<ClientRisk>(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        // Classes are stored as their rank (A = 0), so that lists order and compare them in SQL.
        builder.Property(r => r.Class);
        builder.Property(r => r.DegradedFrom);
        builder.Ignore(r => r.Inputs);
        builder.Ignore(r => r.Weights);
        builder.Ignore(r => r.Factors);
        builder.HasIndex(r => new { r.OrganizationId, r.Score });
    }
}
