using Dso.Domain.Common;

namespace Dso.Domain.Imports;

/// <summary>
/// One run of a file import, with its progress and counts; its row errors are stored beside it, and its file in
/// <see cref="ImportFileChunk"/>s until it ends. A worker runs it under a lease (<see cref="Work.ILeased"/>).
/// </summary>
public sealed class ImportJob : ITenantOwned, Work.ILeased
{
    private ImportJob()
    {
    }

    public ImportJob(long organizationId, string fileName, string mappingJson, ImportMode mode, string source, long? userId, DateTimeOffset createdAt, DateOnly? asOf = null)
    {
        (OrganizationId, FileName, MappingJson, Mode, Source, UserId, CreatedAt, AsOf) =
            (organizationId, fileName, mappingJson, mode, source, userId, createdAt, asOf);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public string FileName { get; private set; } = "";

    public string MappingJson { get; private set; } = "";

    public ImportMode Mode { get; private set; }

    /// <summary>The source the pieces are written as; FULL settles this source's pieces the file no longer lists.</summary>
    public string Source { get; private set; } = "";

    public long? UserId { get; private set; }

    /// <summary>
    /// The day the file reflects: its open amounts are dated so (unless a row gives its own <c>balanceDate</c>) and a
    /// FULL file settles what it no longer lists on it. Given at the start, else the day the job runs.
    /// </summary>
    public DateOnly? AsOf { get; private set; }

    public ImportJobState State { get; private set; } = ImportJobState.Queued;

    public int RowsRead { get; private set; }

    public int RowsImported { get; private set; }

    public int ErrorCount { get; private set; }

    public int ClientsUpserted { get; private set; }

    public int PiecesUpserted { get; private set; }

    public int PiecesClosed { get; private set; }

    /// <summary>Why the whole job failed, when it did.</summary>
    public string? Message { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>How many times a worker died or stopped while running it (another then took it over).</summary>
    public int Interruptions { get; private set; }

    public bool IsXlsx => TableFiles.IsXlsx(FileName);

    /// <summary>Starts the run, dating the file the day it runs unless it was dated at the start.</summary>
    public void Start(DateTimeOffset now, DateOnly today) => (State, StartedAt, AsOf) = (ImportJobState.Running, now, AsOf ?? today);

    public void Progress(int rowsRead, int rowsImported, int errors) => (RowsRead, RowsImported, ErrorCount) = (rowsRead, rowsImported, errors);

    public void Succeed(int clients, int pieces, int closed, DateTimeOffset now) =>
        (State, ClientsUpserted, PiecesUpserted, PiecesClosed, FinishedAt, ClaimedBy, LeaseUntil) = (ImportJobState.Succeeded, clients, pieces, closed, now, null, null);

    public void Fail(string message, DateTimeOffset now) =>
        (State, Message, RowsImported, FinishedAt, ClaimedBy, LeaseUntil) = (ImportJobState.Failed, message, 0, now, null, null);
}
