using System.Globalization;

namespace Dso.Domain.Work;

/// <summary>
/// This process as a holder of leases: a name no other process has (machine, process id and a random part) and
/// how long its leases last (<c>Dso:Work:LeaseDuration</c>, default 30 s). A holder renews at a third of it.
/// </summary>
public sealed class Worker(TimeSpan leaseDuration)
{
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(30);

    public string Name { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");

    public TimeSpan LeaseDuration { get; } = leaseDuration > TimeSpan.Zero ? leaseDuration : throw new ArgumentOutOfRangeException(nameof(leaseDuration), "Dso:Work:LeaseDuration must be positive.");
}
