using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dso.Api.Tests;

/// <summary>The README's examples as pasted: its GraphQL documents, its curl commands and its mapping, against a live server.</summary>
[Collection(ApiServerGroup.Name)]
public partial class ReadmeExamplesTests(ApiServer server)
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));

    [Fact]
    public async Task EveryGraphQLExample_RunsWithoutErrors_InTheOrderGiven()
    {
        var key = await server.CreateOrganizationAsync("Readme SAS");
        var examples = Blocks("graphql").ToList();

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var answer = await server.PostAsync(example, key: key);
            Assert.True(answer.Status == 200 && answer.Json?["errors"] is null, $"{example}\n=> {answer.Body}");
            Assert.All(UserErrors(answer.Json!["data"]!), e => Assert.Fail($"{example}\n=> {e}"));
        }
    }

    [Fact]
    public async Task EveryCurlExample_RunsWithoutErrors()
    {
        var key = await server.CreateOrganizationAsync("Readme Curl SAS");
        await server.PostAsync("mutation($m: JSON!) { saveImportMapping(input: { name: \"sage\", mapping: $m }) { userErrors { message } } }", new { m = Imports.ImportUploads.SageMapping }, key);
        using var folder = new Processes.TemporaryDatabase();
        File.Copy(RepositoryRoot.TestData("sage100-export-sample.csv"), Path.Combine(folder.Folder, "export.csv"));
        var commands = Blocks("sh").Where(b => b.Contains("curl", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, commands.Count);
        foreach (var command in commands)
        {
            var script = string.Join('\n', command.Split('\n').Where(l => !l.StartsWith("KEY=", StringComparison.Ordinal)))
                .Replace("http://localhost:5080", server.Http.BaseAddress!.ToString().TrimEnd('/'), StringComparison.Ordinal);
            var output = await BashAsync(script, folder.Folder, key);
            var answer = JsonNode.Parse(output);
            Assert.True(answer?["errors"] is null && answer?["data"] is not null, $"{command}\n=> {output}");
            Assert.All(UserErrors(answer!["data"]!), e => Assert.Fail($"{command}\n=> {e}"));
        }
    }

    [Fact]
    public async Task TheSubscriptionExample_HearsOfAnUpsertedPiece()
    {
        var key = await server.CreateOrganizationAsync("Readme Socket SAS");
        var query = SubscriptionQuery().Match(Assert.Single(Blocks("js"))).Groups[1].Value;
        await using var socket = await Transport.GraphQLSocket.ConnectAsync(server, key);
        await socket.SubscribeAsync("readme", query);
        await server.WatchersAsync(key, Dso.Domain.Events.EventTopic.PieceUpdated, 1);

        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"C9\", name: \"Neuf SAS\" }] }) { userErrors { message } } }", key: key);
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"FA-9\", clientCode: \"C9\", issueDate: \"2025-06-01\", dueDate: \"2025-06-30\", amount: \"10\", openAmount: \"10\" }] }) { userErrors { message } } }", key: key);
        var next = await socket.ReceiveAsync();

        Assert.Equal("FA-9", next?["payload"]?["data"]?["pieceUpdated"]?["number"]?.GetValue<string>());
    }

    [Fact]
    public void TheMappingShown_IsTheOneTheTestsImportWith()
    {
        var shown = JsonNode.Parse(Assert.Single(Blocks("json")));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Imports.ImportUploads.SageMapping), shown), shown!.ToJsonString());
    }

    private static IEnumerable<string> Blocks(string language) => Block().Matches(Readme).Where(m => m.Groups[1].Value == language).Select(m => m.Groups[2].Value);

    private static IEnumerable<JsonNode> UserErrors(JsonNode data) =>
        data is JsonObject fields ? fields.Select(f => f.Value?["userErrors"]).OfType<JsonArray>().SelectMany(errors => errors).OfType<JsonNode>() : [];

    private static async Task<string> BashAsync(string script, string folder, string key)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["KEY"] = key;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    [GeneratedRegex("query: '(subscription [^']*)'")]
    private static partial Regex SubscriptionQuery();

    [GeneratedRegex("```(\\w+)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
