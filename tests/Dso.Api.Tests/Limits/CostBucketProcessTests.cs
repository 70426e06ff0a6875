using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Limits;

/// <summary>The default bucket on a server process with a real clock: ten pages of 100 pieces with their clients in a burst, then throttled until it refills.</summary>
public class CostBucketProcessTests
{
    // 2 + 100 x (2 + 7 x 1): as costly as a request may be, almost.
    private const string Heavy = "{ clients(first: 100) { nodes { pieces(first: 7) { nodes { client { name } } } } } }";

    [Fact]
    public async Task TenPagesInABurst_ThenTheHeavyAreThrottledWithRetryAfter_UntilTheBucketRefills()
    {
        using var database = new TemporaryDatabase();
        using var api = await ApiProcess.StartAsync(database.Path);
        var burst = new List<(HttpStatusCode, long)>();
        for (var i = 0; i < 10; i++)
        {
            var (status, cost, _) = await PostAsync(api, QueryLimitsTests.PageOfPieces);
            burst.Add((status, cost));
        }

        var heavy = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        while (retryAfter is null && heavy.Count < 10)
        {
            var (status, _, retry) = await PostAsync(api, Heavy);
            (heavy, retryAfter) = ([.. heavy, status], retry);
        }

        await Task.Delay(retryAfter!.Value);
        var (again, _, _) = await PostAsync(api, Heavy);

        Assert.Equal(Enumerable.Repeat((HttpStatusCode.OK, 202L), 10), burst);
        Assert.Equal(HttpStatusCode.TooManyRequests, heavy[^1]);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 10);
        Assert.Equal(HttpStatusCode.OK, again);
    }

    private static async Task<(HttpStatusCode Status, long Cost, TimeSpan? RetryAfter)> PostAsync(ApiProcess api, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, api.GraphQLUrl) { Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.BootstrapKey);
        using var response = await api.Http.SendAsync(request);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body?["extensions"]?["cost"]?["requested"]?.GetValue<long>() ?? 0, response.Headers.RetryAfter?.Delta);
    }
}
