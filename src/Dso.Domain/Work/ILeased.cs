namespace Dso.Domain.Work;

/// <summary>
/// A row of background work that one worker at a time may hold: claimed with an owner and a lease, renewed while
/// working, taken over by another worker once the lease has lapsed (its holder stopped or died).
/// </summary>
public interface ILeased
{
    /// <summary>The worker holding it (<see cref="Worker.Name"/>), or null.</summary>
    string? ClaimedBy { get; }

    /// <summary>Until when the holder may work on it without renewing.</summary>
    DateTimeOffset? LeaseUntil { get; }
}
