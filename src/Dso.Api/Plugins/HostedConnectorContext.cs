using Dso.Connectors.Abstractions;
using Dso.Domain.Connections;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.Plugins;

/// <summary>
/// What the host lends a plug-in for one connection: its settings (secrets opened, defaults applied), a logger tagged
/// with the connection, pooled HTTP clients, the host's clock, and <see cref="StoreSecretAsync"/>, which seals a
/// rotated secret into the connection at once, in a transaction of its own.
/// </summary>
public sealed class HostedConnectorContext(
    LoadedConnector plugin, long connectionId, ConnectionSettings settings, IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, ILogger logger) : ConnectorContext
{
    private ConnectionSettings current = settings;

    public override ConnectorSettings Settings => current.ForPlugin(plugin.Manifest);

    public override ILogger Logger => logger;

    public override TimeProvider Clock => clock;

    public override HttpClient CreateHttpClient() => http.CreateClient(PluginServices.HttpClientName);

    public override async Task StoreSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        if (plugin.Manifest.Settings.FirstOrDefault(s => s.Name == name) is not { Secret: true })
        {
            throw new ConnectorException(ConnectorErrorKind.Configuration, $"'{name}' is not a secret setting of {plugin.Manifest.Id}.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
        var seal = scope.ServiceProvider.GetRequiredService<SecretSeal>();
        var connection = await db.Set<ErpConnection>().IgnoreQueryFilters().SingleAsync(c => c.Id == connectionId, cancellationToken);
        var secrets = seal.Open(connection.SealedSecrets);
        secrets[name] = value;
        connection.Reseal(seal.Seal(secrets)!);
        await db.SaveChangesAsync(cancellationToken);
        current = current with { Secrets = secrets };
    }
}
