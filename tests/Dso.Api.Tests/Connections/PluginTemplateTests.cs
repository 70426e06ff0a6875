using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Connections;

/// <summary>
/// What a connector developer gets, run as they would: the packages packed into a feed, the README's commands from
/// an empty folder to a published plug-in (the template's conformance tests included), then a real server loading
/// it and running a connection of it with the README's mutations. One class: the steps pack the same projects.
/// </summary>
public partial class PluginTemplateTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));

    [Fact]
    public async Task TheContract_PacksIntoAPackage_WithItsAssemblyAndDocumentation()
    {
        using var folder = new TemporaryDatabase();
        var project = Path.Combine(RepositoryRoot.Find(), "src", "Connectors", "Dso.Connectors.Abstractions");

        await RunAsync(["dotnet", "pack", project, "-c", "Release", "-o", folder.Folder, "--nologo"], RepositoryRoot.Find(), []);

        using var package = ZipFile.OpenRead(Path.Combine(folder.Folder, "Dso.Connectors.Abstractions.1.2.0.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net10.0/Dso.Connectors.Abstractions.dll", entries);
        Assert.Contains("lib/net10.0/Dso.Connectors.Abstractions.xml", entries);
    }

    [Fact]
    public async Task TheReadmesCommands_MakeAPluginThatPassesTheConformanceSuite_LoadsAndImportsItsSampleRecords()
    {
        using var work = new TemporaryDatabase();
        var (feed, dir, plugins) = (Path.Combine(work.Folder, "feed"), Path.Combine(work.Folder, "acme"), Path.Combine(work.Folder, "plugins"));
        var script = Assert.Single(Blocks("sh"), b => b.Contains("dotnet new dso-connector", StringComparison.Ordinal));
        // The packages of this run, not those an earlier run left in the machine's cache under the same version.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var (package, version) in new[] { ("dso.connectors.abstractions", "1.2.0"), ("dso.connectors.testing", "1.1.0") })
        {
            var cached = Path.Combine(cache, package, version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }

        var output = await RunAsync(["bash", "-euo", "pipefail", "-c", script], RepositoryRoot.Find(), new()
        {
            ["FEED"] = feed, ["DIR"] = dir, ["PLUGINS"] = plugins,
            // The template is installed in a home of the test's own; the packages cache stays the machine's.
            ["DOTNET_CLI_HOME"] = Path.Combine(work.Folder, "home"), ["NUGET_PACKAGES"] = cache, ["DOTNET_NOLOGO"] = "1",
        });

        Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+10", output);
        Assert.True(File.Exists(Path.Combine(plugins, "acme-erp", "Acme.Erp.dll")), output);
        using var api = await ApiProcess.StartAsync(Path.Combine(work.Folder, "dso.db"), "--Dso:Plugins:Path", plugins);
        var listed = await api.DataAsync("{ connectorPlugins { id name settingsSchema } }");
        Assert.Equal("acme-erp", listed["connectorPlugins"]!.AsArray().Single()!["id"]!.GetValue<string>());

        var mutations = Blocks("graphql-plugin").ToList();
        var created = await api.DataAsync(mutations[0]);
        var connection = created["createErpConnection"]!["erpConnection"]!["id"]!.GetValue<string>();
        var run = (await api.DataAsync(mutations[1], new { id = connection }))["runErpConnection"]!["run"]!["id"]!.GetValue<string>();
        var state = "QUEUED";
        for (var attempt = 0; state is "QUEUED" or "RUNNING" && attempt < 300; attempt++)
        {
            await Task.Delay(100);
            state = (await api.DataAsync("query($id: ID!) { node(id: $id) { ... on SyncRun { state } } }", new { id = run }))["node"]!["state"]!.GetValue<string>();
        }

        var clients = await api.DataAsync("{ clients(first: 10, orderBy: [{ field: CODE, direction: ASC }]) { nodes { code } } pieces { totalCount } }");
        Assert.Equal("SUCCEEDED", state);
        Assert.Equal(["ACME-ERP-C1", "ACME-ERP-C2", "ACME-ERP-C3"], clients["clients"]!["nodes"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
        Assert.Equal(3, clients["pieces"]!["totalCount"]!.GetValue<int>());
    }

    private static IEnumerable<string> Blocks(string language) => Block().Matches(Readme).Where(m => m.Groups[1].Value == language).Select(m => m.Groups[2].Value);

    private static async Task<string> RunAsync(string[] command, string folder, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(command[0], command[1..]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var (output, errors) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, text);
        return text;
    }

    [GeneratedRegex("```([\\w-]+)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
