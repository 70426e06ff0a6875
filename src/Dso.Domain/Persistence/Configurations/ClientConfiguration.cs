using Dso.Domain.Clients;
using Dso.Domain.Organizations;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.HasOne<Scenario>().WithMany().HasForeignKey(c => c.ScenarioId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.OrganizationId, c.Code }).IsUnique();
        builder.HasIndex(c => new { c.OrganizationId, c.Name, c.Id });
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.LegalId).HasMaxLength(32);
        builder.Property(c => c.VatNumber).HasMaxLength(32);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.ComplexProperty(c => c.Address, address =>
        {
            address.Property(a => a.Line1).HasMaxLength(200).HasColumnName("AddressLine1");
            address.Property(a => a.Line2).HasMaxLength(200).HasColumnName("AddressLine2");
            address.Property(a => a.PostalCode).HasMaxLength(16).HasColumnName("AddressPostalCode");
            address.Property(a => a.City).HasMaxLength(100).HasColumnName("AddressCity");
            address.Property(a => a.Country).HasMaxLength(2).HasColumnName("AddressCountry");
        });
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Contacts).HasField("contacts");
    }
}
