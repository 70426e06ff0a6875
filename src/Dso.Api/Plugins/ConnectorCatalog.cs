using System.Reflection;
using System.Text.RegularExpressions;
using Dso.Connectors.Abstractions;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Options;

namespace Dso.Api.Plugins;

/// <summary>A plug-in the host loaded: its manifest, and how to make an instance of its connector.</summary>
public sealed record LoadedConnector(ConnectorManifest Manifest, string Folder, Func<IConnector> Create);

/// <summary>
/// The connector plug-ins, loaded once at start from <c>plugins/&lt;id&gt;/</c>: each folder's main assembly (the one
/// with a <c>.deps.json</c>) in a load context of its own that shares only the contract (and the logging
/// abstractions) with the host. A plug-in built against a newer contract is refused with a log line naming it and
/// both versions; a folder that cannot be loaded is logged and skipped: it never stops the API.
/// </summary>
public sealed partial class ConnectorCatalog
{
    private static readonly Version HostContract = typeof(IConnector).Assembly.GetName().Version!;
    private readonly Dictionary<string, LoadedConnector> loaded = new(StringComparer.Ordinal);

    public ConnectorCatalog(IOptions<PluginOptions> options, ILogger<ConnectorCatalog> logger)
    {
        var root = System.IO.Path.GetFullPath(options.Value.Path);
        if (!Directory.Exists(root))
        {
            LogNoFolder(logger, root);
            return;
        }

        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            try
            {
                foreach (var connector in Load(folder, logger))
                {
                    if (!loaded.TryAdd(connector.Manifest.Id, connector))
                    {
                        LogDuplicate(logger, connector.Manifest.Id, folder, loaded[connector.Manifest.Id].Folder);
                        continue;
                    }

                    LogLoaded(logger, connector.Manifest.Id, connector.Manifest.Version, connector.Manifest.ContractVersion, folder);
                }
            }
            catch (Exception e)
            {
                LogBroken(logger, folder, e.GetType().Name, e.Message);
            }
        }
    }

    public IReadOnlyCollection<LoadedConnector> All => loaded.Values;

    public LoadedConnector? Find(string id) => loaded.GetValueOrDefault(id);

    private static List<LoadedConnector> Load(string folder, ILogger logger)
    {
        var found = new List<LoadedConnector>();
        var mains = Directory.GetFiles(folder, "*.deps.json").Select(d => d[..^".deps.json".Length] + ".dll").Where(File.Exists).ToList();
        if (mains.Count == 0)
        {
            throw new InvalidOperationException("no plug-in assembly: the folder has no <name>.dll with its <name>.deps.json (publish the plug-in into it).");
        }

        foreach (var main in mains)
        {
            // Checked before the loader sees them: a file that is not an assembly, or a deps.json that is not one, are refused in words.
            _ = AssemblyName.GetAssemblyName(main);
            using (var deps = System.Text.Json.JsonDocument.Parse(File.ReadAllText(main[..^".dll".Length] + ".deps.json")))
            {
                if (!deps.RootElement.TryGetProperty("runtimeTarget", out _) || !deps.RootElement.TryGetProperty("targets", out _))
                {
                    throw new InvalidOperationException($"{Path.GetFileName(main)[..^4]}.deps.json is not a dependency manifest (no runtimeTarget or targets).");
                }
            }

            var loader = PluginLoader.CreateFromAssemblyFile(main, [typeof(IConnector), typeof(ILogger)]);
            var assembly = loader.LoadDefaultAssembly();
            if (assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == typeof(IConnector).Assembly.GetName().Name) is not { } contract)
            {
                continue;
            }

            if (contract.Version is { } built && (built.Major != HostContract.Major || built.Minor > HostContract.Minor))
            {
                LogRefused(logger, System.IO.Path.GetFileName(main), folder, $"{built.Major}.{built.Minor}", $"{HostContract.Major}.{HostContract.Minor}");
                continue;
            }

            foreach (var type in ConnectorTypes(assembly))
            {
                Func<IConnector> create = () => (IConnector)Activator.CreateInstance(type)!;
                var manifest = create().Manifest;
                if (!ConnectorContract.IsCompatible(manifest.ContractVersion))
                {
                    LogRefused(logger, manifest.Id, folder, manifest.ContractVersion, ConnectorContract.Version);
                    continue;
                }

                if (!KebabCase().IsMatch(manifest.Id))
                {
                    throw new InvalidOperationException($"the plug-in id '{manifest.Id}' is not kebab-case (a-z, 0-9 and single dashes).");
                }

                found.Add(new LoadedConnector(manifest, folder, create));
            }
        }

        return found;
    }

    private static IEnumerable<Type> ConnectorTypes(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types;
        }

        return types.OfType<Type>().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IConnector).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector plug-in {Id} {Version} (contract {Contract}) loaded from {Folder}.")]
    private static partial void LogLoaded(ILogger logger, string id, string version, string contract, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector plug-in {Name} in {Folder} refused: built against contract {PluginContract}, this host has contract {HostContract}.")]
    private static partial void LogRefused(ILogger logger, string name, string folder, string pluginContract, string hostContract);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plug-in folder {Folder} skipped: {Error}: {Message}")]
    private static partial void LogBroken(ILogger logger, string folder, string error, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector plug-in {Id} in {Folder} skipped: {Other} has the same id.")]
    private static partial void LogDuplicate(ILogger logger, string id, string folder, string other);

    [LoggerMessage(Level = LogLevel.Information, Message = "No plug-in folder at {Folder}: no connector is loaded.")]
    private static partial void LogNoFolder(ILogger logger, string folder);
}
