using Dso.Connectors.Abstractions;
using Dso.Domain.Connections;
using Microsoft.Extensions.Options;

namespace Dso.Api.Plugins;

/// <summary>
/// Puts a connection together with its plug-in for one use: the context lent to the plug-in, its guarded check, and
/// its read as a sync source. A connection whose plug-in is not loaded on this instance gets a clear failure.
/// </summary>
public sealed class ConnectorSessions(
    ConnectorCatalog catalog, SecretSeal seal, IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, IOptions<PluginOptions> options, ILoggerFactory loggers)
{
    public ConnectionSettings StoredSettings(ErpConnection connection) =>
        new((System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(connection.SettingsJson)!, seal.Open(connection.SealedSecrets));

    public ConnectorContext Context(LoadedConnector plugin, long connectionId, ConnectionSettings settings) =>
        new HostedConnectorContext(plugin, connectionId, settings, scopes, http, clock, loggers.CreateLogger($"Dso.Connectors.{plugin.Manifest.Id}.{connectionId}"));

    /// <summary>The plug-in's check, bounded in time; whatever it throws becomes a failed check in words.</summary>
    public async Task<CheckResult> CheckAsync(LoadedConnector plugin, ConnectorContext context, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var check = Task.Run(() => plugin.Create().CheckAsync(context, stop.Token), CancellationToken.None);
        try
        {
            return await check.WaitAsync(options.Value.CallTimeout, cancellationToken) ?? new CheckResult(false, "The plug-in returned no result.");
        }
        catch (TimeoutException)
        {
            await stop.CancelAsync();
            return new CheckResult(false, $"The check took longer than {options.Value.CallTimeout} and was stopped.");
        }
        catch (ConnectorException e)
        {
            return new CheckResult(false, $"{e.Kind}: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new CheckResult(false, $"The plug-in failed: {e.GetType().Name}: {e.Message}");
        }
    }

    public ISyncSource Source(ErpConnection connection) =>
        catalog.Find(connection.PluginId) is { } plugin
            ? new PluginSyncSource(plugin, Context(plugin, connection.Id, StoredSettings(connection)), options.Value, clock)
            : new MissingPlugin(connection.PluginId);

    private sealed class MissingPlugin(string id) : ISyncSource
    {
        public IAsyncEnumerable<Dso.Domain.Imports.RecordBatch> ReadAsync(string? cursor, Dso.Domain.Connections.SyncMode mode, CancellationToken cancellationToken) =>
            throw new SyncSourceException($"The plug-in '{id}' is not loaded on this instance (is plugins/{id}/ there?).");
    }
}
