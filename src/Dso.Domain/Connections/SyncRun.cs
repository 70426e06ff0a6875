using Dso.Domain.Common;
using Dso.Domain.Imports;

namespace Dso.Domain.Connections;

/// <summary>
/// One run of a connection: queued, then run by one worker under a lease, batch after batch (each batch commits its
/// records, its counts and its <see cref="Cursor"/> together). A run whose worker died is failed as interrupted by
/// the next worker, which queues a RESUME run of the same read (<see cref="ReadId"/>) from its last cursor.
/// </summary>
public sealed class SyncRun : ITenantOwned, IEntity, Work.ILeased
{
    private SyncRun()
    {
    }

    public SyncRun(long organizationId, long connectionId, SyncMode mode, SyncTrigger trigger, string? startCursor, DateTimeOffset queuedAt)
    {
        (OrganizationId, ErpConnectionId, Mode, Trigger, StartCursor, QueuedAt) = (organizationId, connectionId, mode, trigger, startCursor, queuedAt);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long ErpConnectionId { get; private set; }

    public ImportJobState State { get; private set; } = ImportJobState.Queued;

    public SyncMode Mode { get; private set; }

    public SyncTrigger Trigger { get; private set; }

    /// <summary>The first run of the read this run belongs to (itself, unless it resumes an interrupted one).</summary>
    public long? ReadId { get; private set; }

    /// <summary>The cursor the read started from (null: from the beginning).</summary>
    public string? StartCursor { get; private set; }

    /// <summary>The cursor after the last committed batch.</summary>
    public string? Cursor { get; private set; }

    /// <summary>1 for a read's first run, then one more for each resumption.</summary>
    public int Attempt { get; private set; } = 1;

    public int Batches { get; private set; }

    public int ClientsRead { get; private set; }

    public int PiecesRead { get; private set; }

    /// <summary>Records numbered in the read so far (a rejected record's line is its number).</summary>
    public int RecordsRead { get; private set; }

    public int Rejected { get; private set; }

    public int ClientsUpserted { get; private set; }

    public int PiecesUpserted { get; private set; }

    public int PiecesClosed { get; private set; }

    /// <summary>Why the run failed, in words.</summary>
    public string? Message { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>The cursor a read resumes from: after its last batch, else where it started.</summary>
    public string? ResumeCursor => Batches > 0 ? Cursor : StartCursor;

    /// <summary>A new read of the connection, in this mode: INCREMENTAL from the connection's cursor, FULL from the beginning.</summary>
    public static SyncRun Of(ErpConnection connection, SyncMode mode, SyncTrigger trigger, DateTimeOffset now) =>
        new(connection.OrganizationId, connection.Id, mode, trigger, mode == SyncMode.Incremental ? connection.Cursor : null, now);

    /// <summary>Continues the read of an interrupted run, its counts carried over.</summary>
    public static SyncRun Resuming(SyncRun interrupted, DateTimeOffset now) =>
        new(interrupted.OrganizationId, interrupted.ErpConnectionId, interrupted.Mode, SyncTrigger.Resume, interrupted.ResumeCursor, now)
        {
            ReadId = interrupted.ReadId ?? interrupted.Id,
            Attempt = interrupted.Attempt + 1,
            RecordsRead = interrupted.RecordsRead,
        };

    public void Start(DateTimeOffset now) => (State, StartedAt, ReadId) = (ImportJobState.Running, now, ReadId ?? Id);

    /// <summary>Counts a committed batch and moves the cursor past it.</summary>
    public void Advance(string? cursor, int clients, int pieces, int records, int rejected)
    {
        (Cursor, Batches) = (cursor ?? Cursor, Batches + 1);
        (ClientsRead, PiecesRead, RecordsRead, Rejected) = (ClientsRead + clients, PiecesRead + pieces, RecordsRead + records, Rejected + rejected);
    }

    public void Count(int clientsUpserted, int piecesUpserted, int piecesClosed) =>
        (ClientsUpserted, PiecesUpserted, PiecesClosed) = (ClientsUpserted + clientsUpserted, PiecesUpserted + piecesUpserted, PiecesClosed + piecesClosed);

    public void Succeed(DateTimeOffset now) => End(ImportJobState.Succeeded, null, now);

    public void Fail(string message, DateTimeOffset now) => End(ImportJobState.Failed, message.Length > 2000 ? message[..2000] : message, now);

    private void End(ImportJobState state, string? message, DateTimeOffset now) =>
        (State, Message, FinishedAt, ClaimedBy, LeaseUntil) = (state, message, now, null, null);
}
