using System.Diagnostics;
using System.IO.Compression;

namespace Dso.Connectors.Tests;

/// <summary>The contract ships as a NuGet package a plug-in author restores from a feed, with its documentation.</summary>
public class PackTests
{
    [Fact]
    public async Task TheContract_PacksIntoAPackage_WithItsAssemblyAndDocumentation()
    {
        var feed = Directory.CreateTempSubdirectory("dso-feed-").FullName;
        try
        {
            var project = Path.Combine(RepositoryRoot.Find(), "src", "Connectors", "Dso.Connectors.Abstractions");
            var start = new ProcessStartInfo("dotnet", ["pack", project, "-c", "Release", "-o", feed, "--nologo"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var pack = Process.Start(start)!;
            var output = await pack.StandardOutput.ReadToEndAsync() + await pack.StandardError.ReadToEndAsync();
            await pack.WaitForExitAsync();

            Assert.True(pack.ExitCode == 0, output);
            using var package = ZipFile.OpenRead(Path.Combine(feed, "Dso.Connectors.Abstractions.1.0.0.nupkg"));
            var entries = package.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/Dso.Connectors.Abstractions.dll", entries);
            Assert.Contains("lib/net10.0/Dso.Connectors.Abstractions.xml", entries);
        }
        finally
        {
            Directory.Delete(feed, recursive: true);
        }
    }
}
