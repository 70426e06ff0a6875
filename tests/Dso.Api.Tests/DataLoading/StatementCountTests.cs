using System.Globalization;

namespace Dso.Api.Tests.DataLoading;

[Collection(ApiServerGroup.Name)]
public class StatementCountTests(ApiServer server)
{
    [Fact]
    public async Task APageOf100PiecesWithClientsAndStatuses_CostsAFewStatements_NotOnePerRow()
    {
        var key = await server.CreateOrganizationAsync("Batch SAS");
        var clients = Enumerable.Range(0, 40).Select(i => new { code = $"C{i}", name = $"Client {i}" }).ToArray();
        var pieces = Enumerable.Range(0, 120).Select(i => new
        {
            type = "INVOICE", number = $"F{i:000}", clientCode = $"C{i % 40}", issueDate = "2025-05-01",
            dueDate = $"2025-06-{1 + (i % 28):00}", amount = (100 + i).ToString(CultureInfo.InvariantCulture), openAmount = "100",
        }).ToArray();
        await server.PostAsync("mutation($c: [ClientInput!]!) { upsertClients(input: { clients: $c }) { userErrors { message } } }", new { c = clients }, key);
        await server.PostAsync("mutation($p: [PieceInput!]!) { upsertPieces(input: { pieces: $p }) { userErrors { message } } }", new { p = pieces }, key);

        server.Statements.Reset();
        var answer = await server.PostAsync(
            "{ pieces(first: 100) { totalCount nodes { number daysOverdue status { name } history { comment } client { name contacts { email } outstanding { amount } } } } }", key: key);

        Assert.Equal(200, answer.Status);
        Assert.Equal(100, answer.Data("pieces", "nodes")!.AsArray().Count);
        // authentication, organization, page, count, clients, contacts, balances, history: one each.
        Assert.InRange(server.Statements.Count, 1, 10);
    }
}
