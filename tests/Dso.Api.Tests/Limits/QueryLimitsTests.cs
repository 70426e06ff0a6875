using System.Net;

namespace Dso.Api.Tests.Limits;

/// <summary>The cost of documents, as Shopify and GitHub count it, and what the test server's still clock lets a test see of the bucket.</summary>
[Collection(ApiServerGroup.Name)]
public class QueryLimitsTests(ApiServer server)
{
    public const string PageOfPieces = "{ pieces(first: 100) { nodes { number dueDate openAmount { amount } client { name } } pageInfo { hasNextPage endCursor } totalCount } }";

    public static TheoryData<string, long> Costs => new()
    {
        { "{ me { id name } }", 1 },
        { "{ pieces(first: 100) { nodes { id number } } }", 2 },
        { PageOfPieces, 202 },
        { "{ clients(first: 10) { edges { cursor node { code pieces(first: 5) { nodes { number } } } } } }", 22 },
        { "{ clients { nodes { code } } }", 2 },
        { "{ reports { agedBalance { total { amount } buckets { amount { amount } } } } }", 5 },
    };

    [Theory]
    [MemberData(nameof(Costs))]
    public async Task ScalarsCostNothing_ObjectsOne_AndAConnectionTwoPlusItsPageTimesEachNode(string query, long cost)
    {
        var answer = await server.PostAsync(query, key: ApiServer.BootstrapKey);

        Assert.Equal(200, answer.Status);
        Assert.Equal(cost, answer.Json!["extensions"]!["cost"]!["requested"]!.GetValue<long>());
    }

    [Fact]
    public async Task ARefusedOrInvalidRequest_CostsNothing()
    {
        var key = await server.CreateOrganizationAsync("Free Errors SAS");
        var viewer = await server.CreateKeyAsync(key, Domain.Users.Role.Viewer);

        var before = await RemainingAsync(viewer);
        var invalid = await server.PostAsync("{ pieces(first: 100) { nodes { number nope } } }", key: viewer);
        var forbidden = await server.PostAsync("mutation { createStatus(input: { name: \"x\", category: DISPUTE }) { status { id } } }", key: viewer);
        var after = await RemainingAsync(viewer);

        Assert.Equal((400, 403), (invalid.Status, forbidden.Status));
        Assert.Null(invalid.Json?["extensions"]?["cost"]);
        Assert.Equal(before - 202, after);
    }

    [Fact]
    public async Task TooDeepOrCostlierThanARequestMayBe_IsRefusedBeforeAnythingRuns()
    {
        var key = await server.CreateOrganizationAsync("Limites SAS");
        var deep = "{ pieces(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("client { pieces(first: 1) { nodes { ", 6)) + "id" + new string('}', 3 * 6 + 3);
        var costly = "{ clients(first: 100) { nodes { pieces(first: 100) { nodes { client { pieces(first: 100) { nodes { client { name } } } } } } } } }";

        // Costs nothing (scalars), but execution would walk 2^30 fields.
        var bomb = "query { ...F30 } fragment F0 on Query { __typename } " + string.Join(' ', Enumerable.Range(1, 30).Select(f => $"fragment F{f} on Query {{ ...F{f - 1} a{f}: __typename ...F{f - 1} }}"));

        var tooDeep = await server.PostAsync(deep, key: key);
        var tooCostly = await server.PostAsync(costly, key: key);
        var tooMany = await server.PostAsync(bomb, key: key);

        Assert.Equal((HttpStatusCode.BadRequest, "QUERY_TOO_DEEP"), ((HttpStatusCode)tooDeep.Status, tooDeep.FirstErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX"), ((HttpStatusCode)tooCostly.Status, tooCostly.FirstErrorCode));
        Assert.Null(tooCostly.Data());
        Assert.Equal((HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX"), ((HttpStatusCode)tooMany.Status, tooMany.FirstErrorCode));
        Assert.Contains("once its fragments are expanded", tooMany.FirstErrorMessage, StringComparison.Ordinal);
    }

    private async Task<long> RemainingAsync(string key) =>
        (await server.PostAsync(PageOfPieces, key: key)).Json!["extensions"]!["cost"]!["remaining"]!.GetValue<long>();
}
