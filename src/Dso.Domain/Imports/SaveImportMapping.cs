using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Imports;

/// <summary>Saves (or replaces) a checked mapping under a name.</summary>
public sealed class SaveImportMapping(DsoDbContext db)
{
    public async Task<Outcome<SavedImportMapping>> ExecuteAsync(string name, string json, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > 100)
        {
            return Outcomes.Failure<SavedImportMapping>(UserError.Invalid("name must have 1 to 100 characters.", "name"));
        }

        var parsed = ImportMappingParser.Parse(json);
        if (!parsed.Succeeded)
        {
            return Outcomes.Failure<SavedImportMapping>(parsed.Errors);
        }

        var saved = await db.Set<SavedImportMapping>().FirstOrDefaultAsync(m => m.Name == trimmed, cancellationToken);
        if (saved is null)
        {
            saved = new SavedImportMapping(await db.Organizations.Select(o => o.Id).SingleAsync(cancellationToken), trimmed, json);
            db.Set<SavedImportMapping>().Add(saved);
        }
        else
        {
            saved.Replace(json);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(saved);
    }
}
