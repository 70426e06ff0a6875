using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Imports;

/// <summary>startImport with a file, as a multipart upload (GraphQL multipart request spec).</summary>
public static class ImportUploads
{
    public const string Start = "mutation($file: Upload!, $mapping: JSON, $name: String) { startImport(input: { file: $file, mapping: $mapping, mappingName: $name, mode: FULL }) { job { id state } userErrors { field message code } } }";

    public static readonly string SageMapping = File.ReadAllText(RepositoryRoot.TestData("sage100-mapping.json"));

    public static async Task<GraphQLAnswer> UploadAsync(this ApiServer server, string key, byte[] content, string fileName, JsonElement? mapping, string? mappingName = null, bool preflight = true) =>
        await server.SendAsync(Request(new Uri("/graphql", UriKind.Relative), content, fileName, mapping, mappingName, preflight), key);

    /// <summary>The multipart request of startImport for a file.</summary>
    public static HttpRequestMessage Request(Uri graphQLUrl, byte[] content, string fileName, JsonElement? mapping, string? mappingName = null, bool preflight = true)
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
        var request = new HttpRequestMessage(HttpMethod.Post, graphQLUrl) { Content = form };
        if (preflight)
        {
            request.Headers.Add("GraphQL-Require-Preflight", "1");
        }

        return request;
    }

    /// <summary>The Sage 100 sample of shared/data (300 pieces of 40 clients) with its mapping.</summary>
    public static async Task<GraphQLAnswer> UploadSageSampleAsync(this ApiServer server, string key) =>
        await server.UploadAsync(key, await File.ReadAllBytesAsync(RepositoryRoot.TestData("sage100-export-sample.csv")), "export.csv", JsonDocument.Parse(SageMapping).RootElement);

    /// <summary>startImport of a file on a server process, with the Sage mapping; the job it queued.</summary>
    public static async Task<JsonNode> UploadAsync(ApiProcess api, byte[] content, string fileName = "export.csv")
    {
        using var request = Request(api.GraphQLUrl, content, fileName, JsonDocument.Parse(SageMapping).RootElement);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.BootstrapKey);
        using var response = await api.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["data"]?["startImport"]?["job"] is not null, body.ToJsonString());
        return body["data"]!;
    }

    /// <summary>The job once it has ended (polled on the server process).</summary>
    public static async Task<JsonNode> WaitForJobAsync(ApiProcess api, string id)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var job = (await api.DataAsync("query($id: ID!) { node(id: $id) { ... on ImportJob { state piecesUpserted message } } }", new { id }))["node"]!;
            if (job["state"]!.GetValue<string>() is "SUCCEEDED" or "FAILED")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Import job {id} did not end.\n{api.Process.Output}");
    }

    /// <summary>The job once it has ended (polled on the test server), with <paramref name="extra"/> fields.</summary>
    public static async Task<JsonNode> WaitForJobAsync(this ApiServer server, string key, string id, string extra = "")
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
