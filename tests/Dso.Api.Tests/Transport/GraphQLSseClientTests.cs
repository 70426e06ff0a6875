using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dso.Domain.Events;

namespace Dso.Api.Tests.Transport;

/// <summary>GraphQL over SSE (POST /graphql/stream) with the graphql-sse reference client (under Node) against the live server.</summary>
[Collection(ApiServerGroup.Name)]
public class GraphQLSseClientTests(ApiServer server)
{
    [Fact]
    public async Task TheGraphQLSseClient_RunsAQuery_AndHearsItsOrganizationsAlertsOnly()
    {
        var key = await server.CreateOrganizationAsync("Stream Node SAS");
        var other = await server.CreateOrganizationAsync("Stream Elsewhere SAS");

        var query = await RunAsync(key, "{ organization { name } }", 2);
        var invalid = await RunAsync(key, "{ organization { nope } }", 2);
        var subscriber = RunAsync(key, "subscription { alertRaised { kind client { code } } }", 1);
        await server.WatchersAsync(key, EventTopic.AlertRaised, 1);
        await OverCreditLimitAsync(other, "ELSEWHERE");
        await OverCreditLimitAsync(key, "A");
        var events = await subscriber;
        await server.WatchersAsync(key, EventTopic.AlertRaised, 0);
        var refused = await RunAsync("dso_unknown", "{ organization { name } }", 1, succeed: false);

        var answer = Assert.Single(query)!.AsObject();
        answer.Remove("extensions");
        Assert.Equal("{\"data\":{\"organization\":{\"name\":\"Stream Node SAS\"}}}", answer.ToJsonString());
        Assert.Contains("nope", Assert.Single(invalid)["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("{\"data\":{\"alertRaised\":{\"kind\":\"OVER_CREDIT_LIMIT\",\"client\":{\"code\":\"A\"}}}}", Assert.Single(events).ToJsonString());
        Assert.Contains("401", refused.Single()["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStream_NeedsPostAndTheEventStreamType_AndEndsWithComplete()
    {
        var key = await server.CreateOrganizationAsync("Stream Raw SAS");
        using var get = new HttpRequestMessage(HttpMethod.Get, "/graphql/stream");
        using var json = Request(key, "application/json");
        using var stream = Request(key, "text/event-stream");

        var (got, asJson, streamed) = (await server.Http.SendAsync(get), await server.Http.SendAsync(json), await server.Http.SendAsync(stream));

        Assert.Equal((HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotAcceptable, HttpStatusCode.OK), (got.StatusCode, asJson.StatusCode, streamed.StatusCode));
        Assert.Equal("text/event-stream; charset=utf-8", streamed.Content.Headers.ContentType!.ToString());
        var text = await streamed.Content.ReadAsStringAsync();
        Assert.StartsWith("event: next\ndata: {\"data\":{\"organization\":{\"name\":\"Stream Raw SAS\"}}", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\nevent: complete\ndata: \n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedKey_EndsItsOpenStream_WithAForbiddenError()
    {
        var admin = await server.CreateOrganizationAsync("Revoked Stream SAS");
        var key = await server.CreateKeyAsync(admin, Domain.Users.Role.Collector);
        var keyId = (await server.PostAsync("{ apiKeys { id } }", key: key)).Data("apiKeys")![0]!["id"]!.GetValue<string>();
        using var request = Request(key, "text/event-stream", "subscription { alertRaised { id } }");
        using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var text = response.Content.ReadAsStringAsync();
        await server.WatchersAsync(admin, EventTopic.AlertRaised, 1);

        await server.PostAsync("mutation($id: ID!) { revokeApiKey(input: { id: $id }) { userErrors { message } } }", new { id = keyId }, admin);

        var events = await text.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.StartsWith("event: next\ndata: {\"errors\":[{\"message\":\"Forbidden: ", events, StringComparison.Ordinal);
        Assert.Contains("revoked", events, StringComparison.Ordinal);
        Assert.EndsWith("event: complete\ndata: \n\n", events, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Request(string key, string accept, string query = "{ organization { name } }")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql/stream") { Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", key);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private async Task OverCreditLimitAsync(string key, string code)
    {
        await server.PostAsync($"mutation {{ upsertClients(input: {{ clients: [{{ code: \"{code}\", name: \"Alpha\", creditLimit: \"100\" }}] }}) {{ userErrors {{ message }} }} }}", key: key);
        await server.PostAsync($"mutation {{ upsertPieces(input: {{ pieces: [{{ type: INVOICE, number: \"F1\", clientCode: \"{code}\", issueDate: \"2025-06-01\", dueDate: \"2025-07-31\", amount: \"500\", openAmount: \"500\" }}] }}) {{ userErrors {{ message }} }} }}", key: key);
    }

    // Runs sse-client.mjs; each line it prints is one result.
    private async Task<List<JsonNode>> RunAsync(string key, string query, int results, bool succeed = true)
    {
        var url = new Uri(server.Http.BaseAddress!, "/graphql/stream").ToString();
        var (code, output, error) = await NodeClients.RunAsync("sse-client.mjs", url, $"Bearer {key}", query, results.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((code == 0) == succeed, $"node sse-client.mjs exited with {code}: {output} {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
    }
}
