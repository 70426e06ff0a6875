namespace Dso.Connectors.Abstractions;

/// <summary>
/// The version of this contract. A plug-in records the version it was built against (<see cref="Version"/> is a
/// constant, so the plug-in's copy is the one it compiled with) and the host loads it when the major versions are
/// equal and the plug-in's minor version is not newer than the host's.
/// </summary>
public static class ConnectorContract
{
    /// <summary>This contract's version, <c>major.minor</c>: a minor version adds, a major version breaks. 1.1 added the reading of table files (<see cref="ConnectorContext.ReadTableFileAsync"/>), 1.2 a client's credit limit (<see cref="ClientRecord.CreditLimit"/>), 1.3 its postal address (<see cref="ClientRecord.Address"/>) and its credit limit's review date (<see cref="ClientRecord.CreditLimitReviewDate"/>).</summary>
    public const string Version = "1.3";

    /// <summary>Whether a host of this contract can load a plug-in built against <paramref name="pluginContract"/>.</summary>
    /// <param name="pluginContract">The contract version the plug-in was built against (its manifest's).</param>
    public static bool IsCompatible(string pluginContract) =>
        System.Version.TryParse(pluginContract, out var plugin) && System.Version.Parse(Version) is var host &&
        plugin.Major == host.Major && plugin.Minor <= host.Minor;
}
