using System.Buffers.Binary;
using Dso.Domain.Common;

namespace Dso.Domain.Connections;

/// <summary>
/// The pieces one batch of a FULL read listed, by id, kept with the read (<see cref="SyncRun.ReadId"/>) in the
/// batch's transaction: a resumed read still knows every piece the interrupted one saw when it settles the others.
/// Removed once the read has ended.
/// </summary>
public sealed class SyncRunSeen : ITenantOwned
{
    private SyncRunSeen()
    {
    }

    public SyncRunSeen(long organizationId, long readId, IEnumerable<long> pieceIds)
    {
        (OrganizationId, ReadId) = (organizationId, readId);
        var ids = pieceIds.ToArray();
        PieceIds = new byte[ids.Length * sizeof(long)];
        for (var i = 0; i < ids.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(PieceIds.AsSpan(i * sizeof(long)), ids[i]);
        }
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long ReadId { get; private set; }

    public byte[] PieceIds { get; private set; } = [];

    public IEnumerable<long> Ids()
    {
        for (var i = 0; i < PieceIds.Length; i += sizeof(long))
        {
            yield return BinaryPrimitives.ReadInt64LittleEndian(PieceIds.AsSpan(i));
        }
    }
}

/// <summary>A record a run rejected: its number in the read (the API's <c>line</c>), the field concerned and why.</summary>
public sealed class SyncRunError : ITenantOwned
{
    private SyncRunError()
    {
    }

    public SyncRunError(long organizationId, long runId, int line, string? column, string message)
    {
        (OrganizationId, SyncRunId, Line, Column, Message) = (organizationId, runId, line, column, message.Length > 1000 ? message[..1000] : message);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long SyncRunId { get; private set; }

    public int Line { get; private set; }

    public string? Column { get; private set; }

    public string Message { get; private set; } = "";
}
