namespace Dso.Domain.Common;

/// <summary>
/// An entity written by concurrent callers: its version is a concurrency token, raised by each of its changes
/// (those of what hangs from it included), so a save made from a stale read fails (and is retried on fresh data)
/// instead of overwriting.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
