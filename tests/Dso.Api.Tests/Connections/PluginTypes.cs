using System.Reflection;
using Dso.Connectors.Abstractions;

namespace Dso.Api.Tests.Connections;

/// <summary>A connector of a plug-in folder beside the tests, for the kit's conformance suite (the contract is the tests' own, as the host's is).</summary>
public static class PluginTypes
{
    public static IConnector Create(string folder, string assembly, string type) =>
        (IConnector)Activator.CreateInstance(Assembly.LoadFrom(Path.Combine(ApiServer.PluginsPath, folder, assembly + ".dll")).GetType(type, throwOnError: true)!)!;
}
