using System.Text;
using System.Text.Json;
using Dso.Domain.Imports;

namespace Dso.Api.Tests.Imports;

[Collection(ApiServerGroup.Name)]
public class StartImportTests(ApiServer server)
{
    [Fact]
    public async Task AMultipartUpload_RunsInTheBackground_AndThePolledJobEndsWithTheFileImported()
    {
        var key = await server.CreateOrganizationAsync("Upload SAS");

        var answer = await server.UploadSageSampleAsync(key);
        var job = await server.WaitForJobAsync(key, answer.Data("startImport", "job", "id")!.GetValue<string>());
        var pieces = await server.PostAsync("{ pieces { totalCount } clients { totalCount } }", key: key);

        Assert.Equal(("SUCCEEDED", 300, 300), (job["state"]!.GetValue<string>(), job["rowsRead"]!.GetValue<int>(), job["piecesUpserted"]!.GetValue<int>()));
        Assert.Equal((300, 40), (pieces.Data("pieces", "totalCount")!.GetValue<int>(), pieces.Data("clients", "totalCount")!.GetValue<int>()));
    }

    [Fact]
    public async Task ABadFile_FailsWithItsRowErrorsPaged_ByLineAndColumn()
    {
        var key = await server.CreateOrganizationAsync("Bad Upload SAS");
        var lines = File.ReadAllLines(RepositoryRoot.TestData("sage100-export-sample.csv"), Encoding.Latin1).Take(4).ToArray();
        lines[2] = lines[2].Replace("/2024;", "/20x4;", StringComparison.Ordinal).Replace("/2025;", "/20x5;", StringComparison.Ordinal);
        lines[3] = lines[3].Replace("/2024;", "/20x4;", StringComparison.Ordinal).Replace("/2025;", "/20x5;", StringComparison.Ordinal);

        await server.PostAsync("mutation($m: JSON!) { saveImportMapping(input: { name: \"sage\", mapping: $m }) { userErrors { message } } }", new { m = ImportUploads.SageMapping }, key);
        var answer = await server.UploadAsync(key, Encoding.Latin1.GetBytes(string.Join("\r\n", lines)), "export.csv", null, "sage");
        var job = await server.WaitForJobAsync(key, answer.Data("startImport", "job", "id")!.GetValue<string>(), "rowErrors(first: 2) { totalCount nodes { line column message } pageInfo { hasNextPage } }");
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

        var answer = await server.UploadAsync(key, [1, 2, 3], "export.csv", JsonDocument.Parse(ImportUploads.SageMapping).RootElement, preflight: false);

        Assert.Equal(400, answer.Status);
        Assert.Contains("Preflight", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GraphQL-Require-Preflight")]
    [InlineData("GraphQL-Preflight")]
    [InlineData("Apollo-Require-Preflight")]
    public async Task EachClientsPreflightHeader_IsAccepted(string header)
    {
        var key = await server.CreateOrganizationAsync($"Preflight {header} SAS");
        using var request = ImportUploads.Request(new Uri("/graphql", UriKind.Relative), [1, 2, 3], "export.csv", JsonDocument.Parse(ImportUploads.SageMapping).RootElement, preflight: false);
        request.Headers.Add(header, "yes");

        var answer = await server.SendAsync(request, key);

        Assert.Equal(200, answer.Status);
        Assert.NotNull(answer.Data("startImport", "job", "id"));
    }

    [Theory]
    [InlineData("export.exe", "file", "INVALID")]
    [InlineData("export.csv", "mapping.columns.openAmount", "INVALID")]
    public async Task ABadUploadOrMapping_IsAUserError_AndQueuesNothing(string fileName, string field, string code)
    {
        var key = await server.CreateOrganizationAsync($"Refused {fileName}");
        var mapping = JsonDocument.Parse("""{ "columns": { "clientCode": "a", "number": "b", "amount": "c" } }""").RootElement;

        var answer = await server.UploadAsync(key, [1, 2, 3], fileName, fileName.EndsWith(".csv", StringComparison.Ordinal) ? mapping : JsonDocument.Parse(ImportUploads.SageMapping).RootElement);

        var error = answer.UserErrors("startImport").Single()!;
        Assert.Equal(("input." + field, code), (string.Join('.', error["field"]!.AsArray().Select(f => f!.GetValue<string>())), error["code"]!.GetValue<string>()));
        Assert.Null(answer.Data("startImport", "job"));
    }
}
