using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dso.Domain.Imports;

/// <summary>Checks an upload and its mapping, and queues an import job with the file, in one transaction.</summary>
public sealed class StartImport(DsoDbContext db, IOptions<DomainOptions> options, TimeProvider clock)
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

        var organization = await db.Organizations.SingleAsync(cancellationToken);
        if (request.AsOf is { } asOf && await CheckAsOfAsync(asOf, organization.Today(clock), source, cancellationToken) is { } refused)
        {
            return Outcomes.Failure<ImportJob>(refused);
        }

        var job = new ImportJob(organization.Id, Path.GetFileName(request.FileName), json!, request.Mode, source, request.UserId, clock.GetUtcNow(), request.AsOf);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<ImportJob>().Add(job);
        await db.SaveChangesAsync(cancellationToken);
        var maxBytes = options.Value.MaxImportFileBytes;
        if (!await ImportFiles.SaveAsync(db, job, content, maxBytes, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Outcomes.Failure<ImportJob>(new UserError(["file"], $"The file is larger than {maxBytes / (1024 * 1024)} MiB.", UserErrorCode.LimitExceeded));
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcomes.Success(job);
    }

    // A file reflects a day that has come, and a source's files go forward in time (an older one would undo a newer one's settlements).
    private async Task<UserError?> CheckAsOfAsync(DateOnly asOf, DateOnly today, string source, CancellationToken cancellationToken)
    {
        if (asOf > today)
        {
            return UserError.Invalid($"asOf {asOf:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).", "asOf");
        }

        var last = await db.Set<ImportJob>().Where(j => j.Source == source && j.State == ImportJobState.Succeeded).MaxAsync(j => j.AsOf, cancellationToken);
        return asOf < last
            ? UserError.Invalid($"asOf {asOf:yyyy-MM-dd} is before the last import of source '{source}' ({last:yyyy-MM-dd}): a source's files are imported in date order.", "asOf")
            : null;
    }
}
