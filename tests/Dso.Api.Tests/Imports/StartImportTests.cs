using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dso.Domain.Imports;

namespace Dso.Api.Tests.Imports;

[Collection(ApiServerGroup.Name)]
public class StartImportTests(ApiServer server)
{
    private const string Start = "mutation($file: Upload!, $mapping: JSON, $name: String) { startImport(input: { file: $file, mapping: $mapping, mappingName: $name, mode: FULL }) { job { id state } userErrors { field message code } } }";

    private static readonly string Mapping = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "tests", "Dso.Api.Tests", "Imports", "sage100-mapping.json"));

    [Fact]
    public async Task AMultipartUpload_RunsInTheBackground_AndThePolledJobEndsWithTheFileImported()
    {
        var key = await server.CreateOrganizationAsync("Upload SAS");

        var answer = await UploadAsync(key, await File.ReadAllBytesAsync(RepositoryRoot.SharedData("sage100-export-sample.csv")), "export.csv", JsonDocument.Parse(Mapping).RootElement);
        var job = await WaitAsync(key, answer.Data("startImport", "job", "id")!.GetValue<string>());
        var pieces = await server.PostAsync("{ pieces { totalCount } clients { totalCount } }", key: key);

        Assert.Equal(("SUCCEEDED", 300, 300), (job["state"]!.GetValue<string>(), job["rowsRead"]!.GetValue<int>(), job["piecesUpserted"]!.GetValue<int>()));
        Assert.Equal((300, 40), (pieces.Data("pieces", "totalCount")!.GetValue<int>(), pieces.Data("clients", "totalCount")!.GetValue<int>()));
    }

    [Fact]
    public async Task ABadFile_FailsWithItsRowErrorsPaged_ByLineAndColumn()
    {
        var key = await server.CreateOrganizationAsync("Bad Upload SAS");
        var lines = File.ReadAllLines(RepositoryRoot.SharedData("sage100-export-sample.csv"), Encoding.Latin1).Take(4).ToArray();
        lines[2] = lines[2].Replace("/2024;", "/20x4;", StringComparison.Ordinal).Replace("/2025;", "/20x5;", StringComparison.Ordinal);
        lines[3] = lines[3].Replace("/2024;", "/20x4;", StringComparison.Ordinal).Replace("/2025;", "/20x5;", StringComparison.Ordinal);

        await server.PostAsync("mutation($m: JSON!) { saveImportMapping(input: { name: \"sage\", mapping: $m }) { userErrors { message } } }", new { m = Mapping }, key);
        var answer = await UploadAsync(key, Encoding.Latin1.GetBytes(string.Join("\r\n", lines)), "export.csv", null, "sage");
        var job = await WaitAsync(key, answer.Data("startImport", "job", "id")!.GetValue<string>(), "rowErrors(first: 2) { totalCount nodes { line column message } pageInfo { hasNextPage } }");
        var mappings = await server.PostAsync("{ importMappings { name } }", key: key);

        Assert.Equal("FAILED", job["state"]!.GetValue<string>());
        var errors = job["rowErrors"]!;
        Assert.Equal(4, errors["totalCount"]!.GetValue<int>());
        Assert.True(errors["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal((3, "Date pièce"), (errors["nodes"]![0]!["line"]!.GetValue<int>(), errors["nodes"]![0]!["column"]!.GetValue<string>()));
        Assert.Equal("[{\"name\":\"sage\"}]", mappings.Data("importMappings")!.ToJsonString());
        Assert.Equal(0, (await server.PostAsync("{ pieces { totalCount } }", key: key)).Data("pieces", "totalCount")!.GetValue<int>());
    }

    [Fact]
    public async Task AMultipartRequestWithoutThePreflightHeader_IsRefused_ForCsrf()
    {
        var key = await server.CreateOrganizationAsync("Csrf SAS");

        var answer = await UploadAsync(key, [1, 2, 3], "export.csv", JsonDocument.Parse(Mapping).RootElement, preflight: false);

        Assert.Equal(400, answer.Status);
        Assert.Contains("Preflight", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export.exe", "file", "INVALID")]
    [InlineData("export.csv", "mapping.columns.openAmount", "INVALID")]
    public async Task ABadUploadOrMapping_IsAUserError_AndQueuesNothing(string fileName, string field, string code)
    {
        var key = await server.CreateOrganizationAsync($"Refused {fileName}");
        var mapping = JsonDocument.Parse("""{ "columns": { "clientCode": "a", "number": "b", "amount": "c" } }""").RootElement;

        var answer = await UploadAsync(key, [1, 2, 3], fileName, fileName.EndsWith(".csv", StringComparison.Ordinal) ? mapping : JsonDocument.Parse(Mapping).RootElement);

        var error = answer.UserErrors("startImport").Single()!;
        Assert.Equal(("input." + field, code), (string.Join('.', error["field"]!.AsArray().Select(f => f!.GetValue<string>())), error["code"]!.GetValue<string>()));
        Assert.Null(answer.Data("startImport", "job"));
    }

    private async Task<GraphQLAnswer> UploadAsync(string key, byte[] content, string fileName, JsonElement? mapping, string? mappingName = null, bool preflight = true)
    {
        var operations = JsonSerializer.Serialize(new { query = Start, variables = new { file = (object?)null, mapping, name = mappingName } });
        var form = new MultipartFormDataContent
        {
            { new StringContent(operations, Encoding.UTF8), "operations" },
            { new StringContent("{\"0\":[\"variables.file\"]}", Encoding.UTF8), "map" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "0", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = form };
        if (preflight)
        {
            request.Headers.Add("GraphQL-Require-Preflight", "1");
        }

        return await server.SendAsync(request, key);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> WaitAsync(string key, string id, string extra = "")
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var job = (await server.PostAsync($"query($id: ID!) {{ node(id: $id) {{ ... on ImportJob {{ state rowsRead piecesUpserted {extra} }} }} }}", new { id }, key)).Data("node")!;
            if (job["state"]!.GetValue<string>() is not ("QUEUED" or "RUNNING"))
            {
                return job;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Import job {id} did not finish.");
    }
}
