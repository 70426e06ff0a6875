using System.Text;
using Dso.Domain.Pieces;

namespace Dso.Domain.Imports;

/// <summary>
/// The natural keys (type, number) a read has met, each with the line it was first on, kept compact: the numbers'
/// UTF-8 bytes one after the other in one buffer, and an open-addressing table of 16 bytes a slot, at most half full.
/// A file of a million pieces keeps them in some 45 MB instead of a dictionary of a million strings (some 80 MB).
/// </summary>
internal sealed class PieceKeySet
{
    private byte[] text = new byte[1 << 16];
    private int length;
    private Slot[] slots = new Slot[1 << 12];

    public int Count { get; private set; }

    /// <summary>Adds the key with its line; when it was met already, false and the line it was first on.</summary>
    public bool TryAdd(PieceType type, string number, int line, out int firstLine)
    {
        var bytes = Encoding.UTF8.GetByteCount(number) + 1;
        var key = (bytes <= 256 ? stackalloc byte[256] : new byte[bytes])[..bytes];
        key[0] = (byte)type;
        Encoding.UTF8.GetBytes(number, key[1..]);
        var hash = (uint)HashCode.Combine(type, string.GetHashCode(number, StringComparison.Ordinal));
        var mask = slots.Length - 1;
        for (var i = (int)(hash & mask); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Length == 0)
            {
                Store(ref slot, key, hash, line);
                firstLine = line;
                return true;
            }

            if (slot.Hash == hash && slot.Length == bytes && text.AsSpan(slot.Offset, bytes).SequenceEqual(key))
            {
                firstLine = slot.Line;
                return false;
            }
        }
    }

    public void Clear()
    {
        Array.Clear(slots);
        (length, Count) = (0, 0);
    }

    private void Store(ref Slot slot, ReadOnlySpan<byte> key, uint hash, int line)
    {
        if (length + key.Length > text.Length)
        {
            Array.Resize(ref text, Math.Max(text.Length * 2, length + key.Length));
        }

        key.CopyTo(text.AsSpan(length));
        slot = new Slot(hash, length, key.Length, line);
        length += key.Length;
        if (++Count * 2 > slots.Length)
        {
            Grow();
        }
    }

    // Twice the slots, each key moved to its place in the new table (the table stays at most half full).
    private void Grow()
    {
        var old = slots;
        slots = new Slot[old.Length * 2];
        var mask = slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Length == 0)
            {
                continue;
            }

            var i = (int)(slot.Hash & mask);
            while (slots[i].Length != 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = slot;
        }
    }

    private readonly record struct Slot(uint Hash, int Offset, int Length, int Line);
}
