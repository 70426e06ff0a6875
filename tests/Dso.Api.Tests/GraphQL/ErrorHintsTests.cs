namespace Dso.Api.Tests.GraphQL;

/// <summary>The errors a newcomer hits first say what to write instead.</summary>
[Collection(ApiServerGroup.Name)]
public class ErrorHintsTests(ApiServer server)
{
    [Fact]
    public async Task AnUnknownEnumValue_ListsTheEnumsValues()
    {
        var answer = await server.PostAsync("{ pieces(orderBy: { field: DAYS_LATE, direction: DESC }) { totalCount } }", key: ApiServer.BootstrapKey);

        Assert.Equal((400, "ARGUMENTS_OF_CORRECT_TYPE"), (answer.Status, answer.FirstErrorCode));
        Assert.EndsWith("PieceOrderField is one of: DUE_DATE, OPEN_AMOUNT, NUMBER, ISSUE_DATE, DAYS_OVERDUE.", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ pieces { nodes { comment } } }", "Cannot query field 'comment' on type 'Piece'. Did you mean 'statusComment'?")]
    [InlineData("{ pieces { nodes { balance } } }", "Cannot query field 'balance' on type 'Piece'. Did you mean 'openAmount'?")]
    [InlineData("{ clients { nodes { balance } } }", "Cannot query field 'balance' on type 'Client'. Did you mean 'outstanding'?")]
    [InlineData("{ clients { nodes { siren } } }", "Cannot query field 'siren' on type 'Client'. Did you mean 'legalId'?")]
    [InlineData("{ clients { nodes { nam } } }", "Cannot query field 'nam' on type 'Client'. Did you mean 'name'?")]
    public async Task AnUnknownField_SuggestsTheFieldItMeans(string query, string message)
    {
        var answer = await server.PostAsync(query, key: ApiServer.BootstrapKey);

        Assert.Equal((400, "FIELDS_ON_CORRECT_TYPE", message), (answer.Status, answer.FirstErrorCode, answer.FirstErrorMessage));
        Assert.NotNull(answer.Json!["errors"]![0]!["locations"]);
    }

    [Fact]
    public async Task DaysOverdue_OrdersTheMostOverdueFirst()
    {
        var key = await server.CreateOrganizationAsync("Overdue Order SAS");
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"A SAS\" }] }) { userErrors { message } } }", key: key);
        await server.PostAsync("""
            mutation { upsertPieces(input: { pieces: [
              { type: INVOICE, number: "F1", clientCode: "A", issueDate: "2025-05-01", dueDate: "2025-06-15", amount: "1", openAmount: "1" },
              { type: INVOICE, number: "F2", clientCode: "A", issueDate: "2025-03-01", dueDate: "2025-04-01", amount: "1", openAmount: "1" },
              { type: INVOICE, number: "F3", clientCode: "A", issueDate: "2025-06-01", dueDate: "2025-07-31", amount: "1", openAmount: "1" }] }) { userErrors { message } } }
            """, key: key);

        var answer = await server.PostAsync("{ pieces(orderBy: { field: DAYS_OVERDUE, direction: DESC }) { nodes { number daysOverdue } } }", key: key);

        Assert.Equal("""[{"number":"F2","daysOverdue":90},{"number":"F1","daysOverdue":15},{"number":"F3","daysOverdue":0}]""", answer.Data("pieces", "nodes")!.ToJsonString());
    }
}
