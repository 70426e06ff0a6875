using System.Numerics;

namespace Dso.Domain.Imports;

/// <summary>
/// A set of piece ids as one bit per id (ids are the database's growing keys): a FULL read of a million pieces keeps
/// what it listed in about as many bits as the highest id, not in a hash set forty times the size.
/// </summary>
public sealed class PieceIdSet
{
    private ulong[] words = new ulong[1024];

    public int Count { get; private set; }

    /// <summary>False when the id was in the set already.</summary>
    public bool Add(long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        var word = (int)(id >> 6);
        if (word >= words.Length)
        {
            Array.Resize(ref words, (int)Math.Max(words.Length * 2L, word + 1L));
        }

        var bit = 1UL << (int)(id & 63);
        if ((words[word] & bit) != 0)
        {
            return false;
        }

        words[word] |= bit;
        Count++;
        return true;
    }

    public void UnionWith(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            Add(id);
        }
    }

    public bool Contains(long id) => id >= 0 && (id >> 6) < words.Length && (words[id >> 6] & (1UL << (int)(id & 63))) != 0;

    /// <summary>The ids, in order.</summary>
    public IEnumerable<long> Ids()
    {
        for (var word = 0; word < words.Length; word++)
        {
            for (var bits = words[word]; bits != 0; bits &= bits - 1)
            {
                yield return (word * 64L) + BitOperations.TrailingZeroCount(bits);
            }
        }
    }
}
