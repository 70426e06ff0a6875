using System.Text.Json.Nodes;
using Dso.Domain.Users;

namespace Dso.Api.Tests.Reports;

/// <summary>domain-rules §5 end to end: the worked dataset loaded with upsertPieces (balanceDate for history) and qualifyPieces.</summary>
[Collection(ApiServerGroup.Name)]
public class ReportsApiTests(ApiServer server)
{
    private const string Reports = """
        query($asOf: Date) {
          reports {
            agedBalance(asOf: $asOf) {
              asOf total { amount currency } overdue { amount } lateRate
              buckets { label fromDays toDays amount { amount } count }
              rows(first: 10, orderBy: { bucket: 4, direction: DESC }) { nodes { client { code } outstanding { amount } } }
            }
            countback: dso(asOf: $asOf, months: 2) { days bestPossibleDays averageDaysDelinquent history { month days } }
            simple: dso(method: SIMPLE, asOf: $asOf, months: 0) { method days }
            statusReport(asOf: $asOf) {
              lines { category status { name } amount { amount } count }
              overdueTotal { amount } qualifiedOverdue { amount } qualificationRate unqualified { amount }
            }
          }
        }
        """;

    [Fact]
    public async Task TheWorkedDataset_GivesEveryFigureOfTheRules_OnTheWorkedDate()
    {
        var key = await LoadWorkedDatasetAsync("Reports SAS");

        var reports = await ReportsAsync(Reports, new { asOf = "2025-06-30" }, key);

        var aged = reports["agedBalance"]!;
        Assert.Equal(("250000.00", "EUR", "110000.00", "0.4400"), (Amount(aged["total"]), aged["total"]!["currency"]!.GetValue<string>(), Amount(aged["overdue"]), aged["lateRate"]!.GetValue<string>()));
        Assert.Equal(
            ["not due:null:0:140000.00:3", "1-30:1:30:50000.00:2", "31-60:31:60:30000.00:1", "61-90:61:90:18000.00:1", "over 90:91:null:12000.00:1", "credits:null:null:0.00:0"],
            aged["buckets"]!.AsArray().Select(b => $"{b!["label"]}:{b["fromDays"]?.ToString() ?? "null"}:{b["toDays"]?.ToString() ?? "null"}:{Amount(b["amount"])}:{b["count"]}"));
        Assert.Equal(["GAMMA:50000.00", "ALPHA:100000.00", "BETA:100000.00"],
            aged["rows"]!["nodes"]!.AsArray().Select(r => $"{r!["client"]!["code"]}:{Amount(r["outstanding"])}"));
        Assert.Equal("{\"days\":\"76.0\",\"bestPossibleDays\":\"43.8\",\"averageDaysDelinquent\":\"32.2\",\"history\":[{\"month\":\"2025-05-31\",\"days\":\"46.0\"},{\"month\":\"2025-06-30\",\"days\":\"76.0\"}]}",
            reports["countback"]!.ToJsonString());
        Assert.Equal("{\"method\":\"SIMPLE\",\"days\":\"73.4\"}", reports["simple"]!.ToJsonString());
        var status = reports["statusReport"]!;
        Assert.Equal(
            ["IN_PROGRESS::18000.00", "IN_PROGRESS:Relance en cours:18000.00", "PAYMENT_PROMISE::30000.00", "PAYMENT_PROMISE:Promesse de règlement:30000.00", "DISPUTE::30000.00", "DISPUTE:Litige prix:30000.00"],
            status["lines"]!.AsArray().Select(l => $"{l!["category"]}:{l["status"]?["name"]}:{Amount(l["amount"])}"));
        Assert.Equal(("110000.00", "78000.00", "0.7091", "32000.00"),
            (Amount(status["overdueTotal"]), Amount(status["qualifiedOverdue"]), status["qualificationRate"]!.GetValue<string>(), Amount(status["unqualified"])));
    }

    [Fact]
    public async Task TheWorkedDataset_AsOfTheEndOfMay_UsesTheBalancesOfThatDay()
    {
        var key = await LoadWorkedDatasetAsync("Reports May SAS");

        var reports = await ReportsAsync(Reports, new { asOf = "2025-05-31" }, key);

        var aged = reports["agedBalance"]!;
        Assert.Equal(("150000.00", "60000.00", "0.4000"), (Amount(aged["total"]), Amount(aged["overdue"]), aged["lateRate"]!.GetValue<string>()));
        Assert.Equal(["90000.00", "30000.00", "18000.00", "12000.00", "0.00", "0.00"], aged["buckets"]!.AsArray().Select(b => Amount(b!["amount"])));
        Assert.Equal("46.0", reports["countback"]!["days"]!.GetValue<string>());
        Assert.Equal("62.2", reports["simple"]!["days"]!.GetValue<string>());
        Assert.Equal(("60000.00", "48000.00", "0.8000"),
            (Amount(reports["statusReport"]!["overdueTotal"]), Amount(reports["statusReport"]!["qualifiedOverdue"]), reports["statusReport"]!["qualificationRate"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheCashForecastDisputesAndCollections_OfTheWorkedDataset()
    {
        var key = await LoadWorkedDatasetAsync("Forecast SAS");

        var reports = await ReportsAsync("""
            {
              reports {
                cashForecast(weeks: 5) { from periods { start end expected { amount } fromPromises { amount } } unscheduled { amount } }
                disputes(from: "2025-06-01") { lines { status { name } openCount openAmount { amount } openedCount resolvedCount } }
                collections(from: "2025-05-01", to: "2025-05-31") { periods { start collected { amount } } total { amount } effectiveness { start end index } }
              }
            }
            """, null, key);

        var forecast = reports["cashForecast"]!;
        Assert.Equal(["2025-06-30:30000.00:30000.00", "2025-07-07:0.00:0.00", "2025-07-14:40000.00:0.00", "2025-07-21:60000.00:0.00", "2025-07-28:40000.00:0.00"],
            forecast["periods"]!.AsArray().Select(p => $"{p!["start"]}:{Amount(p["expected"])}:{Amount(p["fromPromises"])}"));
        Assert.Equal("80000.00", Amount(forecast["unscheduled"]));
        Assert.Equal("[{\"status\":{\"name\":\"Litige prix\"},\"openCount\":1,\"openAmount\":{\"amount\":\"30000.00\"},\"openedCount\":1,\"resolvedCount\":0}]",
            reports["disputes"]!["lines"]!.ToJsonString());
        Assert.Equal(("72000.00", "[{\"start\":\"2025-05-01\",\"end\":\"2025-05-31\",\"index\":\"0.5455\"}]"),
            (Amount(reports["collections"]!["total"]), reports["collections"]!["effectiveness"]!.ToJsonString()));
    }

    [Fact]
    public async Task AnotherOrganization_SeesNoneOfIt_AndBadArgumentsAreNamed()
    {
        await LoadWorkedDatasetAsync("Reports Owner SAS");
        var other = await server.CreateOrganizationAsync("Reports Intruder SAS");

        var theirs = await server.PostAsync(Reports, new { asOf = "2025-06-30" }, other);
        Assert.True(theirs.Json?["errors"] is null, theirs.Body);
        var bad = await server.PostAsync("{ reports { agedBalance(bucketBounds: [60, 30]) { total { amount } } } }", key: other);
        var months = await server.PostAsync("{ reports { dso(months: 99) { days } } }", key: other);

        Assert.Equal("0.00", Amount(theirs.Data("reports", "agedBalance", "total")));
        Assert.Empty(theirs.Data("reports", "agedBalance", "rows", "nodes")!.AsArray());
        Assert.Equal("0.00", Amount(theirs.Data("reports", "statusReport", "overdueTotal")));
        Assert.Equal("INVALID_ARGUMENT", bad.FirstErrorCode);
        Assert.StartsWith("bucketBounds are 1 to 12 increasing numbers", bad.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal("INVALID_ARGUMENT", months.FirstErrorCode);
    }

    [Fact]
    public async Task AnAgedBalanceRow_ShowsTheClientsUnappliedPaymentsApart_AndWithThemMakesTheClientsOutstanding()
    {
        var key = await server.CreateOrganizationAsync("Unapplied SAS");
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"OMEGA\", name: \"Omega SA\" }] }) { userErrors { message } } }", key: key);
        await server.PostAsync("""
            mutation { upsertPieces(input: { pieces: [
              { type: INVOICE, number: "F-1", clientCode: "OMEGA", issueDate: "2025-05-01", dueDate: "2025-05-31", amount: "1000", openAmount: "1000" },
              { type: UNAPPLIED_PAYMENT, number: "R-1", clientCode: "OMEGA", issueDate: "2025-06-10", dueDate: "2025-06-10", amount: "-240.50", openAmount: "-240.50" }] }) { userErrors { message } } }
            """, key: key);

        var answer = await server.PostAsync("{ reports { agedBalance { total { amount } rows { nodes { outstanding { amount } unapplied { amount currency } client { outstanding { amount } } } } } } }", key: key);

        Assert.Equal("""{"total":{"amount":"1000.00"},"rows":{"nodes":[{"outstanding":{"amount":"1000.00"},"unapplied":{"amount":"-240.50","currency":"EUR"},"client":{"outstanding":{"amount":"759.50"}}}]}}""",
            answer.Data("reports", "agedBalance")!.ToJsonString());
    }

    [Fact]
    public async Task ExchangeRates_AreWrittenByAdmins_AndConvertForeignPieces()
    {
        var key = await LoadWorkedDatasetAsync("Rates SAS");
        var viewer = await server.CreateKeyAsync(key, Role.Viewer);
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"DELTA\", name: \"Delta Inc.\", currency: \"USD\" }] }) { userErrors { message } } }", key: key);
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"US-1\", clientCode: \"DELTA\", issueDate: \"2025-06-01\", dueDate: \"2025-08-01\", amount: \"1000\", openAmount: \"1000\", currency: \"USD\" }] }) { userErrors { message } } }", key: key);
        const string Upsert = "mutation { upsertExchangeRates(input: { rates: [{ currency: \"USD\", date: \"2025-06-01\", rate: \"0.9\" }] }) { exchangeRates { currency date rate } userErrors { code } } }";
        const string Total = "{ reports { agedBalance { total { amount } } } }";

        var missing = await server.PostAsync(Total, key: key);
        var refused = await server.PostAsync(Upsert, key: viewer);
        var written = await server.PostAsync(Upsert, key: key);
        var converted = await server.PostAsync(Total, key: key);
        var clients = await server.PostAsync("{ clients(first: 10) { nodes { code outstanding { amount currency } } } }", key: key);

        Assert.Equal(("EXCHANGE_RATE_MISSING", "No exchange rate from USD to EUR on or before 2025-06-30: add one with upsertExchangeRates."), (missing.FirstErrorCode, missing.FirstErrorMessage));
        Assert.True(refused.Forbidden, refused.Body);
        Assert.Equal("[{\"currency\":\"USD\",\"date\":\"2025-06-01\",\"rate\":\"0.9\"}]", written.Data("upsertExchangeRates", "exchangeRates")!.ToJsonString());
        Assert.Equal("250900.00", Amount(converted.Data("reports", "agedBalance", "total")));
        Assert.Equal("{\"amount\":\"900.00\",\"currency\":\"EUR\"}",
            clients.Data("clients", "nodes")!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "DELTA")!["outstanding"]!.ToJsonString());
    }

    private async Task<JsonNode> ReportsAsync(string query, object? variables, string key)
    {
        var answer = await server.PostAsync(query, variables, key);
        Assert.True(answer.Json?["errors"] is null, answer.Body);
        return answer.Data("reports")!;
    }

    private static string Amount(JsonNode? money) => money!["amount"]!.GetValue<string>();

    private async Task<string> LoadWorkedDatasetAsync(string organization)
    {
        var key = await server.CreateOrganizationAsync(organization);
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"ALPHA\", name: \"Alpha SAS\" }, { code: \"BETA\", name: \"Beta SARL\" }, { code: \"GAMMA\", name: \"Gamma SA\" }] }) { userErrors { message } } }", key: key);
        const string Upsert = "mutation($p: [PieceInput!]!) { upsertPieces(input: { pieces: $p }) { pieces { id number } userErrors { message } } }";
        static object Invoice(string number, string client, string issued, string due, int amount, int? open = null, string? on = null) =>
            new { type = "INVOICE", number, clientCode = client, issueDate = issued, dueDate = due, amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                openAmount = (open ?? amount).ToString(System.Globalization.CultureInfo.InvariantCulture), balanceDate = on ?? issued };
        var pieces = (await server.PostAsync(Upsert, new { p = new[]
        {
            Invoice("F-0301", "GAMMA", "2025-03-01", "2025-03-31", 12_000), Invoice("F-0401", "ALPHA", "2025-04-02", "2025-05-02", 70_000),
            Invoice("F-0402", "BETA", "2025-04-10", "2025-05-10", 30_000), Invoice("F-0403", "GAMMA", "2025-04-15", "2025-04-15", 20_000),
            Invoice("F-0501", "ALPHA", "2025-05-10", "2025-07-10", 40_000), Invoice("F-0502", "BETA", "2025-05-20", "2025-06-10", 30_000),
            Invoice("F-0503", "GAMMA", "2025-05-25", "2025-06-24", 20_000), Invoice("F-0601", "ALPHA", "2025-06-05", "2025-07-05", 60_000),
            Invoice("F-0602", "BETA", "2025-06-15", "2025-07-15", 40_000),
        } }, key)).Data("upsertPieces", "pieces")!.AsArray().ToDictionary(p => p!["number"]!.GetValue<string>(), p => p!["id"]!.GetValue<string>());
        await server.PostAsync(Upsert, new { p = new[]
        {
            Invoice("F-0401", "ALPHA", "2025-04-02", "2025-05-02", 70_000, 0, "2025-05-20"), Invoice("F-0403", "GAMMA", "2025-04-15", "2025-04-15", 20_000, 18_000, "2025-05-05"),
        } }, key);
        var statuses = (await server.PostAsync("{ statuses { id name } }", key: key)).Data("statuses")!.AsArray()
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["id"]!.GetValue<string>());
        const string Qualify = "mutation($i: QualifyPiecesInput!) { qualifyPieces(input: $i) { userErrors { message } } }";
        foreach (var (number, status, promise) in new[] { ("F-0402", "Litige prix", (string?)null), ("F-0403", "Relance en cours", null), ("F-0502", "Promesse de règlement", "2025-07-05") })
        {
            var answer = await server.PostAsync(Qualify, new { i = new { pieceIds = new[] { pieces[number] }, statusId = statuses[status], comment = "Worked example", promiseDate = promise } }, key);
            Assert.Empty(answer.UserErrors("qualifyPieces"));
        }

        return key;
    }
}
