using Dso.Domain.Clients;
using Dso.Domain.Organizations;
using Dso.Domain.Pieces;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class PieceConfiguration : IEntityTypeConfiguration<Piece>
{
    public void Configure(EntityTypeBuilder<Piece> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
        builder.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId);
        builder.HasOne<Status>().WithMany().HasForeignKey(p => p.StatusId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.Number).HasMaxLength(64);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Source).HasMaxLength(100);
        builder.Property(p => p.StatusComment).HasMaxLength(2000);
        builder.Ignore(p => p.IsOpen);
        builder.Property(p => p.Version).IsConcurrencyToken();

        // Natural key, and one index per keyset ordering of the pieces connection.
        builder.HasIndex(p => new { p.OrganizationId, p.Type, p.Number }).IsUnique();
        builder.HasIndex(p => new { p.OrganizationId, p.DueDate, p.Id });
        builder.HasIndex(p => new { p.OrganizationId, p.IssueDate, p.Id });
        // Covers the sales per issue day and currency of the DSO.
        builder.HasIndex(p => new { p.OrganizationId, p.IssueDate, p.Currency, p.Type, p.Amount });
        builder.HasIndex(p => new { p.OrganizationId, p.Number, p.Id });
        builder.HasIndex(p => new { p.OrganizationId, p.OpenAmount, p.Id });
        builder.HasIndex(p => new { p.OrganizationId, p.Source, p.OpenAmount });
        // Leads with the organization too, so a client's balance uses it whatever the planner's statistics say;
        // it also covers the scenario engine's read of every open piece (no lookup into the table).
        builder.HasIndex(p => new { p.OrganizationId, p.ClientId, p.DueDate, p.OpenAmount, p.Type, p.StatusId });

        // The few pieces loaded after their issue date (full amount before their history starts), for receivables over time.
        builder.HasIndex(p => new { p.OrganizationId, p.IssueDate }, "IX_Pieces_BeforeHistory_IssueDate").HasFilter("\"HistoryStart\" > \"IssueDate\"");
        builder.HasIndex(p => new { p.OrganizationId, p.HistoryStart }, "IX_Pieces_BeforeHistory_HistoryStart").HasFilter("\"HistoryStart\" > \"IssueDate\"");

        builder.HasMany(p => p.BalanceHistory).WithOne().HasForeignKey(e => e.PieceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.BalanceHistory).HasField("balanceHistory");
    }
}
