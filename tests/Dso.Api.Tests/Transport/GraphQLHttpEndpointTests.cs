using System.Text;

namespace Dso.Api.Tests.Transport;

[Collection(ApiServerGroup.Name)]
public class GraphQLHttpEndpointTests(ApiServer server)
{
    [Fact]
    public async Task Post_AnswersGraphQLResponseJson_WhenAsked_AndJsonByDefault()
    {
        var asked = await server.PostAsync("{ __typename }");
        var legacy = await server.PostAsync("{ __typename }", accept: "*/*");

        Assert.Equal((200, "application/graphql-response+json"), (asked.Status, asked.MediaType));
        Assert.Equal((200, "application/json"), (legacy.Status, legacy.MediaType));
        Assert.Equal("Query", asked.Data("__typename")!.GetValue<string>());
    }

    [Fact]
    public async Task Get_RunsQueries_ButAnswersAMutationWith405AndAllowPost()
    {
        var query = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D"));
        var mutation = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=mutation%7B__typename%7D"), key: ApiServer.BootstrapKey);

        Assert.Equal(200, query.Status);
        Assert.Equal(405, mutation.Status);
        Assert.Equal("POST", mutation.Allow);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethods_Get405WithAllow(string method)
    {
        var answer = await server.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/graphql"));

        Assert.Equal(405, answer.Status);
        Assert.Equal("GET, POST", answer.Allow);
    }

    [Theory]
    [InlineData("text/plain", 415)]
    [InlineData("application/x-www-form-urlencoded", 415)]
    [InlineData("application/json; charset=latin1", 415)]
    public async Task Post_WithAnUnsupportedContentType_Gets415(string contentType, int status)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{__typename}\"}") };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        Assert.Equal(status, (await server.SendAsync(request)).Status);
    }

    [Fact]
    public async Task Accept_ThatNamesNoJsonType_Gets406()
    {
        var answer = await server.SendAsync(Json("{\"query\":\"{__typename}\"}"), accept: "text/html");

        Assert.Equal(406, answer.Status);
    }

    [Theory]
    [InlineData("{\"query\":")]
    [InlineData("[]")]
    [InlineData("{\"query\": 1}")]
    [InlineData("{\"query\": \"{__typename}\", \"variables\": \"x\"}")]
    [InlineData("{\"qeury\": \"{__typename}\"}")]
    [InlineData("")]
    public async Task MalformedRequests_Get400_WithAnError_AndNoData(string body)
    {
        var answer = await server.SendAsync(Json(body));

        Assert.Equal(400, answer.Status);
        Assert.Equal("BAD_REQUEST", answer.FirstErrorCode);
        Assert.Null(answer.Json?["data"]);
    }

    [Fact]
    public async Task ATenMegabyteBody_Gets413_AndTheServerStaysUp()
    {
        var huge = "{\"query\":\"{__typename}\",\"variables\":{\"x\":\"" + new string('a', 10 * 1024 * 1024) + "\"}}";

        Assert.Equal(413, (await server.SendAsync(Json(huge))).Status);
        Assert.Equal(200, (await server.PostAsync("{ __typename }")).Status);
    }

    [Theory]
    [InlineData("{ pieces(first: -1) { totalCount } }")]
    [InlineData("{ pieces(first: 101) { totalCount } }")]
    [InlineData("{ pieces(filter: { types: [NOT_A_TYPE] }) { totalCount } }")]
    [InlineData("{ pieces(first: \"ten\") { totalCount } }")]
    [InlineData("{ nope }")]
    [InlineData("{")]
    public async Task BadDocuments_Get400UnderGraphQLResponseJson_WithAClearError(string query)
    {
        var answer = await server.PostAsync(query, key: ApiServer.BootstrapKey);

        Assert.Equal(400, answer.Status);
        Assert.NotNull(answer.FirstErrorMessage);
        Assert.Null(answer.Json?["data"]);
    }

    [Fact]
    public async Task AVariableOfTheWrongType_Gets400_NamingTheVariable()
    {
        var answer = await server.PostAsync("query($n: Int) { pieces(first: $n) { totalCount } }", new { n = -5 }, key: ApiServer.BootstrapKey);

        Assert.Equal(400, answer.Status);
        Assert.Contains("first", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataWithoutCredentials_Gets401_ButIntrospectionIsOpen()
    {
        var anonymous = await server.PostAsync("{ organization { name } }");
        var wrongKey = await server.PostAsync("{ __typename }", key: "dso_forged");
        var introspection = await server.PostAsync("{ __type(name: \"Piece\") { name } }");

        Assert.Equal((401, "UNAUTHENTICATED"), (anonymous.Status, anonymous.FirstErrorCode));
        Assert.Equal((401, "UNAUTHENTICATED"), (wrongKey.Status, wrongKey.FirstErrorCode));
        Assert.Equal(200, introspection.Status);
    }

    [Fact]
    public async Task HealthAndTheIde_AreServed()
    {
        var health = await server.Http.GetAsync("/healthz");
        var ide = await server.Http.GetStringAsync("/graphiql/");

        Assert.True(health.IsSuccessStatusCode);
        Assert.Contains("<div id=\"graphiql\">", ide, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Json(string body) =>
        new(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
