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
        var (code, output, error) = await NodeClients.RunAsync("audit.mjs", server.GraphQLUrl.ToString());
        Assert.True(code == 0, $"node audit.mjs failed: {error}");
        var results = JsonSerializer.Deserialize<AuditResult[]>(output.Trim().Split('\n')[^1], Web)!;

        Assert.True(results.Length >= 50, $"Only {results.Length} audits ran.");
        Assert.Empty(results.Where(r => r.Status != "ok").Select(r => $"{r.Id} {r.Status}: {r.Name} — {r.Reason}"));
    }

    private sealed record AuditResult(string Id, string Name, string Status, string? Reason);
}
