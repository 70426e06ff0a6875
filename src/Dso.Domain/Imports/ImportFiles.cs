using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Imports;

/// <summary>Keeps an upload in the database in chunks, reads it back as a seekable stream, and removes it.</summary>
public static class ImportFiles
{
    /// <summary>Stores the content for the job, inside the caller's transaction; false when it is larger than the limit.</summary>
    public static async Task<bool> SaveAsync(DsoDbContext db, ImportJob job, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var chunks = new BulkInserter<ImportFileChunk>(db);
        var buffer = new byte[ImportFileChunk.Size];
        long total = 0;
        for (var index = 0; ; index++)
        {
            var filled = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            total += filled;
            if (total > maxBytes)
            {
                return false;
            }

            if (filled == 0)
            {
                return true;
            }

            await chunks.InsertAsync(new ImportFileChunk(job.OrganizationId, job.Id, index, buffer[..filled]), cancellationToken);
            if (filled < buffer.Length)
            {
                return true;
            }
        }
    }

    /// <summary>The job's file, read chunk by chunk as it is consumed.</summary>
    public static async Task<Stream> OpenAsync(DsoDbContext db, long jobId, CancellationToken cancellationToken)
    {
        var lengths = await db.Set<ImportFileChunk>().Where(c => c.ImportJobId == jobId).OrderBy(c => c.Index).Select(c => c.Length).ToListAsync(cancellationToken);
        return new ImportFileStream(db, jobId, lengths);
    }

    public static Task<int> DeleteAsync(DsoDbContext db, long jobId, CancellationToken cancellationToken) =>
        db.Set<ImportFileChunk>().Where(c => c.ImportJobId == jobId).ExecuteDeleteAsync(cancellationToken);
}
