namespace Dso.Connectors.Tests;

/// <summary>Building the solution (as the test command does first) leaves the repository's connectors where the host finds them.</summary>
public class RepositoryPluginsTests
{
    [Theory]
    [InlineData("file", "Dso.Connectors.File")]
    [InlineData("sap-b1", "Dso.Connectors.SapB1")]
    [InlineData("sap-s4", "Dso.Connectors.SapS4")]
    public void TheBuild_LeavesEachConnectorInItsPluginFolder(string id, string assembly)
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "plugins", id);

        Assert.True(File.Exists(Path.Combine(folder, assembly + ".dll")), $"{folder} has no {assembly}.dll");
        Assert.True(File.Exists(Path.Combine(folder, assembly + ".deps.json")));
        // The contract is the host's: a copy in the folder would be a second contract in the plug-in's context.
        Assert.False(File.Exists(Path.Combine(folder, "Dso.Connectors.Abstractions.dll")));
    }
}
