using System.Net;
using System.Text;

namespace Dso.Api.Tests.Limits;

[Collection(ApiServerGroup.Name)]
public class QueryLimitsTests(ApiServer server)
{
    /// <summary>clients(first: 100) { nodes { pieces(first: 100) { nodes { id } } } }: 1 + 100 × (1 + 1 + 100 × (1 + 1)).</summary>
    private const long NestedPagesCost = 20_201;

    [Fact]
    public async Task EveryAnswerReportsItsCost_AndARequestTheBucketCannotPayIs429_UntilItRefills()
    {
        var key = await server.CreateOrganizationAsync("Budget SAS");
        var first = await server.PostAsync("{ pieces(first: 100) { nodes { id number } } }", key: key);
        var cost = first.Json!["extensions"]!["cost"]!;
        var limit = cost["limit"]!.GetValue<long>();
        var aliases = (int)((limit / 2 / NestedPagesCost) + 1);
        var heavy = Aliased(aliases, "clients(first: 100) { nodes { pieces(first: 100) { nodes { id } } } }");

        var paid = await server.PostAsync(heavy, key: key);
        var throttled = await server.PostAsync(heavy, key: key);
        var retryAfter = int.Parse(throttled.Retry!, System.Globalization.CultureInfo.InvariantCulture);
        server.Clock.Advance(TimeSpan.FromSeconds(retryAfter));
        var again = await server.PostAsync(heavy, key: key);
        var otherKey = await server.PostAsync(heavy, key: await server.CreateKeyAsync(key, Domain.Users.Role.Viewer));

        Assert.Equal(301, cost["requested"]!.GetValue<long>());
        Assert.Equal((HttpStatusCode.OK, aliases * NestedPagesCost), ((HttpStatusCode)paid.Status, paid.Json!["extensions"]!["cost"]!["requested"]!.GetValue<long>()));
        Assert.Equal((HttpStatusCode.TooManyRequests, "THROTTLED"), ((HttpStatusCode)throttled.Status, throttled.FirstErrorCode));
        Assert.InRange(retryAfter, 1, 100_000);
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)again.Status);
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)otherKey.Status);
    }

    [Fact]
    public async Task TooDeepOrCostlierThanTheWholeBudget_IsRefusedBeforeAnythingRuns()
    {
        var key = await server.CreateOrganizationAsync("Limites SAS");
        var deep = "{ pieces(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("client { pieces(first: 1) { nodes { ", 6)) + "id" + new string('}', 3 * 6 + 3);
        var costly = "{ clients(first: 100) { nodes { pieces(first: 100) { nodes { client { pieces(first: 100) { nodes { client { pieces(first: 100) { nodes { id } } } } } } } } } } }";

        var tooDeep = await server.PostAsync(deep, key: key);
        var tooCostly = await server.PostAsync(costly, key: key);

        Assert.Equal((HttpStatusCode.BadRequest, "QUERY_TOO_DEEP"), ((HttpStatusCode)tooDeep.Status, tooDeep.FirstErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX"), ((HttpStatusCode)tooCostly.Status, tooCostly.FirstErrorCode));
        Assert.Null(tooCostly.Data());
    }

    private static string Aliased(int count, string field)
    {
        var document = new StringBuilder("{");
        for (var i = 0; i < count; i++)
        {
            document.Append(System.Globalization.CultureInfo.InvariantCulture, $" a{i}: {field}");
        }

        return document.Append(" }").ToString();
    }
}
