using Dso.Domain.Users;

namespace Dso.Api.Tests.GraphQL;

[Collection(ApiServerGroup.Name)]
public class QualifyPiecesApiTests(ApiServer server)
{
    private const string Qualify = """
        mutation($ids: [ID!]!, $status: ID!) {
          qualifyPieces(input: { pieceIds: $ids, statusId: $status, comment: "Prix contesté" }) {
            pieces { number status { name category } statusComment history { comment status { name } by { name } } }
            followUpAction { kind channel dueDate state client { code } pieces { number } }
            userErrors { field code }
          }
        }
        """;

    [Fact]
    public async Task ADispute_QualifiesThePiece_RecordsItsHistory_AndPlansOneFollowUp()
    {
        var key = await server.CreateOrganizationAsync("Qualify SAS");
        var (pieceId, statusId) = await SetUpAsync(key);

        var answer = await server.PostAsync(Qualify, new { ids = new[] { pieceId }, status = statusId }, key);

        var piece = answer.Data("qualifyPieces", "pieces")![0]!;
        Assert.Equal("{\"name\":\"Litige prix\",\"category\":\"DISPUTE\"}", piece["status"]!.ToJsonString());
        var history = piece["history"]!.AsArray().Single()!;
        Assert.Equal(("Prix contesté", "Litige prix", "Administrator"),
            (history["comment"]!.GetValue<string>(), history["status"]!["name"]!.GetValue<string>(), history["by"]!["name"]!.GetValue<string>()));
        Assert.Equal("{\"kind\":\"FOLLOW_UP\",\"channel\":\"TASK\",\"dueDate\":\"2025-07-07\",\"state\":\"PLANNED\",\"client\":{\"code\":\"Q1\"},\"pieces\":[{\"number\":\"F1\"}]}",
            answer.Data("qualifyPieces", "followUpAction")!.ToJsonString());
    }

    [Fact]
    public async Task APromise_ShowsKept_OnceThePieceIsPaidByItsDate()
    {
        var key = await server.CreateOrganizationAsync("Promise SAS");
        var (pieceId, _) = await SetUpAsync(key);
        var promise = (await server.PostAsync("{ statuses { id name } }", key: key)).Data("statuses")!.AsArray()
            .Single(s => s!["name"]!.GetValue<string>() == "Promesse de règlement")!["id"]!.GetValue<string>();
        const string Read = "query($id: ID!) { node(id: $id) { ... on Piece { promise { date kept amount { amount } } history { promise { kept } } } } }";

        await server.PostAsync("mutation($ids: [ID!]!, $s: ID!) { qualifyPieces(input: { pieceIds: $ids, statusId: $s, comment: \"\", promiseDate: \"2025-06-30\" }) { userErrors { field } } }",
            new { ids = new[] { pieceId }, s = promise }, key);
        var before = await server.PostAsync(Read, new { id = pieceId }, key);

        await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"Q1\", issueDate: \"2025-05-01\", dueDate: \"2025-06-01\", amount: \"100\", openAmount: \"0\" }] }) { userErrors { message } } }", key: key);
        var after = await server.PostAsync(Read, new { id = pieceId }, key);

        Assert.Equal("{\"date\":\"2025-06-30\",\"kept\":null,\"amount\":null}", before.Data("node", "promise")!.ToJsonString());
        Assert.True(after.Data("node", "promise", "kept")!.GetValue<bool>());
        Assert.True(after.Data("node", "history")![0]!["promise"]!["kept"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AViewer_CannotQualify()
    {
        var key = await server.CreateOrganizationAsync("Qualify Viewer SAS");
        var viewer = await server.CreateKeyAsync(key, Role.Viewer);
        var (pieceId, statusId) = await SetUpAsync(key);

        var answer = await server.PostAsync(Qualify, new { ids = new[] { pieceId }, status = statusId }, viewer);

        Assert.True(answer.Forbidden, answer.Body);
        Assert.Null((await server.PostAsync("query($id: ID!) { node(id: $id) { ... on Piece { status { name } } } }", new { id = pieceId }, key)).Data("node", "status"));
    }

    private async Task<(string Piece, string Status)> SetUpAsync(string key)
    {
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"Q1\", name: \"Quality SA\" }] }) { userErrors { message } } }", key: key);
        var pieces = await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"Q1\", issueDate: \"2025-05-01\", dueDate: \"2025-06-01\", amount: \"100\", openAmount: \"100\" }] }) { pieces { id } } }", key: key);
        var statuses = await server.PostAsync("{ statuses { id name } }", key: key);
        return (pieces.Data("upsertPieces", "pieces")![0]!["id"]!.GetValue<string>(),
            statuses.Data("statuses")!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Litige prix")!["id"]!.GetValue<string>());
    }
}
