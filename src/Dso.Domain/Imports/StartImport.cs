using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Imports;

/// <summary>Checks an upload and its mapping, keeps the file, and queues an import job for it.</summary>
public sealed class StartImport(DsoDbContext db, ImportStorage storage, TimeProvider clock)
{
    public async Task<Outcome<ImportJob>> ExecuteAsync(ImportRequest request, Stream content, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(request.FileName).ToLowerInvariant();
        if (!TableFiles.Extensions.Contains(extension))
        {
            return Outcomes.Failure<ImportJob>(UserError.Invalid($"'{request.FileName}' is neither a CSV nor an XLSX file.", "file"));
        }

        var json = request.MappingJson;
        if (json is null && request.MappingName is { } name)
        {
            json = await db.Set<SavedImportMapping>().Where(m => m.Name == name).Select(m => m.Json).FirstOrDefaultAsync(cancellationToken);
            if (json is null)
            {
                return Outcomes.Failure<ImportJob>(UserError.NotFound($"No saved mapping named '{name}'.", "mappingName"));
            }
        }

        var mapping = ImportMappingParser.Parse(json);
        if (!mapping.Succeeded)
        {
            return Outcomes.Failure<ImportJob>(mapping.Errors);
        }

        var source = string.IsNullOrWhiteSpace(request.Source) ? "file:" + (request.MappingName ?? "default") : request.Source.Trim();
        if (source.Length > 100 || source == Pieces.Piece.ApiSource)
        {
            return Outcomes.Failure<ImportJob>(UserError.Invalid("source must have 1 to 100 characters and not be 'api'.", "source"));
        }

        var path = await storage.SaveAsync(content, extension, cancellationToken);
        if (path is null)
        {
            return Outcomes.Failure<ImportJob>(new UserError(["file"], $"The file is larger than {storage.MaxFileBytes / (1024 * 1024)} MiB.", UserErrorCode.LimitExceeded));
        }

        var organizationId = await db.Organizations.Select(o => o.Id).SingleAsync(cancellationToken);
        var job = new ImportJob(organizationId, Path.GetFileName(request.FileName), path, json!, request.Mode, source, request.UserId, clock.GetUtcNow());
        db.Set<ImportJob>().Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(job);
    }
}
