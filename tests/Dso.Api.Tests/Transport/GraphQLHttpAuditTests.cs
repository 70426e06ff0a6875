using System.Diagnostics;
using System.Text.Json;

namespace Dso.Api.Tests.Transport;

/// <summary>The graphql-http (1.23.x) server audits, run by Node against the live server: every MUST and SHOULD passes.</summary>
[Collection(ApiServerGroup.Name)]
public class GraphQLHttpAuditTests(ApiServer server)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task EveryAuditOfGraphQLHttp_Passes()
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "tests", "Dso.Api.Tests", "Transport", "clients");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            await RunAsync("npm", "ci --no-audit --no-fund", folder);
        }

        var output = await RunAsync("node", $"audit.mjs {server.GraphQLUrl}", folder);
        var results = JsonSerializer.Deserialize<AuditResult[]>(output.Trim().Split('\n')[^1], Web)!;

        Assert.True(results.Length >= 50, $"Only {results.Length} audits ran.");
        Assert.Empty(results.Where(r => r.Status != "ok").Select(r => $"{r.Id} {r.Status}: {r.Name} — {r.Reason}"));
    }

    private static async Task<string> RunAsync(string file, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed: {await error}");
        return await output;
    }

    private sealed record AuditResult(string Id, string Name, string Status, string? Reason);
}
