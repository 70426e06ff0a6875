using System.Runtime.CompilerServices;
using Dso.Connectors.Abstractions;

namespace Dso.Connectors.TestPlugins;

/// <summary>Yields one good batch, then throws what no connector should (not a ConnectorException).</summary>
public sealed class ThrowingConnector : IConnector
{
    public ConnectorManifest Manifest { get; } = new("test-throws", "Throws", "Dso tests", "1.0.0", ConnectorCapabilities.Full | ConnectorCapabilities.Clients, []);

    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken) => Task.FromResult(new CheckResult(true, "ok"));

    public async IAsyncEnumerable<ConnectorBatch> ReadAsync(ConnectorContext context, string? cursor, SyncMode mode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new ConnectorBatch([new ClientRecord("T1", "Thrown Ltd")], [], "1");
        throw new InvalidOperationException("the plug-in lost its mind");
    }
}

/// <summary>Yields one batch, then waits for ever, deaf to cancellation; its check never answers either.</summary>
public sealed class HangingConnector : IConnector
{
    public ConnectorManifest Manifest { get; } = new("test-hangs", "Hangs", "Dso tests", "1.0.0", ConnectorCapabilities.Full | ConnectorCapabilities.Clients, []);

    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, CancellationToken.None);
        return new CheckResult(true, "never");
    }

    public async IAsyncEnumerable<ConnectorBatch> ReadAsync(ConnectorContext context, string? cursor, SyncMode mode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ConnectorBatch([new ClientRecord("H1", "Hung Ltd")], [], "1");
        // Blocks its thread too, ignoring the token: the host must not wait on it.
        Thread.Sleep(Timeout.Infinite);
        await Task.CompletedTask;
    }
}

/// <summary>Built "against" a contract newer than the host's: the host refuses it.</summary>
public sealed class NewerContractConnector : IConnector
{
    public ConnectorManifest Manifest { get; } = new("test-newer", "Newer", "Dso tests", "1.0.0", ConnectorCapabilities.Full, []) { ContractVersion = "1.9" };

    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken) => Task.FromResult(new CheckResult(true, "ok"));

    public IAsyncEnumerable<ConnectorBatch> ReadAsync(ConnectorContext context, string? cursor, SyncMode mode, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}

/// <summary>Yields one batch, then hoards memory (16 MiB every 10 ms) instead of yielding, minding cancellation.</summary>
public sealed class HoardingConnector : IConnector
{
    public ConnectorManifest Manifest { get; } = new("test-hoards", "Hoards", "Dso tests", "1.0.0", ConnectorCapabilities.Full | ConnectorCapabilities.Clients, []);

    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken) => Task.FromResult(new CheckResult(true, "ok"));

    public async IAsyncEnumerable<ConnectorBatch> ReadAsync(ConnectorContext context, string? cursor, SyncMode mode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ConnectorBatch([new ClientRecord("M1", "Hoarded Ltd")], [], "1");
        var hoard = new List<byte[]>();
        while (true)
        {
            hoard.Add(new byte[16 << 20]);
            await Task.Delay(10, cancellationToken);
        }
    }
}
