using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Imports;

/// <summary>
/// A read-only, seekable view of an upload's chunks: each chunk is read from the database when the position enters
/// it (XLSX readers seek in the zip), and the last two are kept.
/// </summary>
internal sealed class ImportFileStream : Stream
{
    private readonly DsoDbContext db;
    private readonly long jobId;
    private readonly long[] starts;
    private readonly Dictionary<int, byte[]> cached = [];
    private readonly Queue<int> order = new();
    private long position;

    public ImportFileStream(DsoDbContext db, long jobId, IReadOnlyList<int> lengths)
    {
        (this.db, this.jobId) = (db, jobId);
        starts = new long[lengths.Count + 1];
        for (var i = 0; i < lengths.Count; i++)
        {
            starts[i + 1] = starts[i] + lengths[i];
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => starts[^1];

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        var index = ChunkAt(position);
        if (!cached.TryGetValue(index, out var chunk))
        {
            chunk = Keep(index, db.Set<ImportFileChunk>().AsNoTracking().Where(c => c.ImportJobId == jobId && c.Index == index).Select(c => c.Data).Single());
        }

        return Copy(chunk, index, buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        var index = ChunkAt(position);
        if (!cached.TryGetValue(index, out var chunk))
        {
            chunk = Keep(index, await db.Set<ImportFileChunk>().AsNoTracking().Where(c => c.ImportJobId == jobId && c.Index == index).Select(c => c.Data).SingleAsync(cancellationToken));
        }

        return Copy(chunk, index, buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int ChunkAt(long at)
    {
        var found = Array.BinarySearch(starts, at);
        return found >= 0 ? found : ~found - 1;
    }

    private byte[] Keep(int index, byte[] chunk)
    {
        if (order.Count == 2)
        {
            cached.Remove(order.Dequeue());
        }

        cached[index] = chunk;
        order.Enqueue(index);
        return chunk;
    }

    private int Copy(byte[] chunk, int index, Span<byte> buffer)
    {
        var from = (int)(position - starts[index]);
        var count = Math.Min(buffer.Length, chunk.Length - from);
        chunk.AsSpan(from, count).CopyTo(buffer);
        position += count;
        return count;
    }
}
