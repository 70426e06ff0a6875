using Dso.Domain.Persistence;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Messaging;

/// <summary>The templates with their texts, by name; of one channel when given, the archived ones only when asked.</summary>
public sealed class ListTemplates(DsoDbContext db)
{
    public async Task<IReadOnlyList<Template>> ExecuteAsync(Channel? channel, bool includeArchived, CancellationToken cancellationToken) =>
        await db.Templates.AsNoTracking().Include(t => t.Translations)
            .Where(t => (channel == null || t.Channel == channel) && (includeArchived || !t.Archived))
            .OrderBy(t => t.Name).ToListAsync(cancellationToken);
}
