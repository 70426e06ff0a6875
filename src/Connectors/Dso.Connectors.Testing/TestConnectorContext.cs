using System.Collections.Concurrent;
using System.Text.Json;
using Dso.Connectors.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dso.Connectors.Testing;

/// <summary>
/// A context as the host would lend it, for tests: the given settings with the manifest's defaults, a real
/// <see cref="HttpClient"/>, a clock, and the secrets the plug-in stored kept in <see cref="StoredSecrets"/>
/// (later reads of <see cref="Settings"/> see them, as they would in the host).
/// </summary>
public sealed class TestConnectorContext : ConnectorContext, IDisposable
{
    private readonly Dictionary<string, JsonElement> values;
    // As the host's: no cookies kept for the plug-in, no redirects followed.
    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(100) };

    /// <summary>A context with these settings (given as an object whose properties are the setting names) over the manifest's defaults.</summary>
    /// <param name="manifest">The plug-in's manifest, for its defaults.</param>
    /// <param name="settings">The settings, e.g. <c>new { baseUrl = "...", pageSize = 2 }</c>.</param>
    /// <param name="clock">The clock; the system's by default.</param>
    public TestConnectorContext(ConnectorManifest manifest, object? settings = null, TimeProvider? clock = null)
    {
        values = manifest.Settings.Where(s => s.Default is not null).ToDictionary(s => s.Name, s => JsonDocument.Parse(s.Default!).RootElement.Clone(), StringComparer.Ordinal);
        foreach (var property in JsonSerializer.SerializeToElement(settings ?? new { }).EnumerateObject())
        {
            values[property.Name] = property.Value.Clone();
        }

        Clock = clock ?? TimeProvider.System;
    }

    /// <summary>The secrets the plug-in stored, by name.</summary>
    public ConcurrentDictionary<string, string> StoredSecrets { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override ConnectorSettings Settings => new(values.Concat(StoredSecrets.Select(s => KeyValuePair.Create(s.Key, JsonSerializer.SerializeToElement(s.Value))))
        .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));

    /// <inheritdoc/>
    public override ILogger Logger { get; } = NullLogger.Instance;

    /// <inheritdoc/>
    public override TimeProvider Clock { get; }

    /// <inheritdoc/>
    public override HttpClient CreateHttpClient() => http;

    /// <inheritdoc/>
    public override Task StoreSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        StoredSecrets[name] = value;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();
}
