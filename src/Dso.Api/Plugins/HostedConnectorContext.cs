using System.Runtime.CompilerServices;
using Dso.Connectors.Abstractions;
using Dso.Domain.Common;
using Dso.Domain.Connections;
using Dso.Domain.Imports;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.Plugins;

/// <summary>
/// What the host lends a plug-in for one connection: its settings (secrets opened, defaults applied), a logger tagged
/// with the connection, pooled HTTP clients, the host's clock, <see cref="StoreSecretAsync"/>, which seals a
/// rotated secret into the connection at once, in a transaction of its own, and the file import's reading of table
/// files through the organization's saved mappings (<see cref="ReadTableFile"/>).
/// </summary>
public sealed class HostedConnectorContext(
    LoadedConnector plugin, long connectionId, ConnectionSettings settings, IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, ILogger logger) : ConnectorContext
{
    private ConnectionSettings current = settings;
    private ConnectorSettings? values;

    public override ConnectorSettings Settings => values ??= current.ForPlugin(plugin.Manifest);

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
        (current, values) = (current with { Secrets = secrets }, null);
    }

    public override async Task<IReadOnlyList<RejectedRecord>> CheckTableFileAsync(string path, string mappingName, CancellationToken cancellationToken)
    {
        await using var scope = await TenantScopeAsync(cancellationToken);
        IReadOnlyList<RowIssue> issues;
        try
        {
            issues = await scope.ServiceProvider.GetRequiredService<ReadTableFile>().ExecuteAsync(path, mappingName, cancellationToken);
        }
        catch (MappingNotFoundException e)
        {
            throw new ConnectorException(ConnectorErrorKind.Configuration, e.Message, null, e);
        }

        return [.. issues.Select(i => new RejectedRecord(i.Column is null ? $"line {i.Line}" : $"line {i.Line}, column {i.Column}", i.Message))];
    }

    public override async IAsyncEnumerable<ConnectorBatch> ReadTableFileAsync(string path, string mappingName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scope = await TenantScopeAsync(cancellationToken);
        await foreach (var batch in scope.ServiceProvider.GetRequiredService<ReadTableFile>().ReadAsync(path, mappingName, cancellationToken))
        {
            yield return ContractRecords.From(batch);
        }
    }

    private async Task<AsyncServiceScope> TenantScopeAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        var organizationId = await scope.ServiceProvider.GetRequiredService<DsoDbContext>().ErpConnections.IgnoreQueryFilters()
            .Where(c => c.Id == connectionId).Select(c => c.OrganizationId).SingleAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<Tenant>().Enter(organizationId);
        return scope;
    }
}
