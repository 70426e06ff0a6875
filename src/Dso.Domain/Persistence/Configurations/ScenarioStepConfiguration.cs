using Dso.Domain.Messaging;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dso.Domain.Persistence.Configurations;

internal sealed class ScenarioStepConfiguration : IEntityTypeConfiguration<ScenarioStep>
{
    public void Configure(EntityTypeBuilder<ScenarioStep> builder)
    {
        builder.Ignore(s => s.Values);
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Template>().WithMany().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}
