using System.Diagnostics;

namespace Dso.Api.Tests.Transport;

/// <summary>Runs the scripts of <c>clients/</c> (the reference GraphQL clients from npm) under Node; installs the packages on first use.</summary>
public static class NodeClients
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Find(), "tests", "Dso.Api.Tests", "Transport", "clients");

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            var (code, _, error) = await StartAsync("npm", ["ci", "--no-audit", "--no-fund"]);
            Assert.True(code == 0, $"npm ci failed: {error}");
        }

        return await StartAsync("node", arguments);
    }

    private static async Task<(int, string, string)> StartAsync(string file, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await output, await error);
    }
}
