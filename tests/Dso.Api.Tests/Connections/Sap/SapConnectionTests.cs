using System.Globalization;
using System.Text.Json.Nodes;
using Dso.Connectors.Testing;

namespace Dso.Api.Tests.Connections.Sap;

/// <summary>
/// A connection of each SAP plug-in created through the API with its binding settings, on the real server: a run
/// imports exactly the ERP's open items, to the cent and per currency, and after payments in the ERP a second run
/// settles them.
/// </summary>
[Collection(ApiServerGroup.Name)]
public class SapConnectionTests(ApiServer server)
{
    private const string Create = """
        mutation($input: CreateErpConnectionInput!) { createErpConnection(input: $input) { erpConnection { id settings } userErrors { field message } } }
        """;

    private const string RunFields = "piecesRead piecesUpserted piecesClosed rejected errors";

    [Fact]
    public async Task ABusinessOneConnection_ImportsTheOpenDocumentsPerCurrency_ThroughABusyServer_AndSettlesThemOncePaid()
    {
        await using var erp = await FakeServiceLayer.StartAsync();
        erp.BusinessPartners.AddRange([
            FakeServiceLayer.Customer("C20000", "Boulangerie Martin SARL", "FR44732829320", creditLimit: 15000m, email: "compta@boulangerie-martin.example", billTo: ("12 rue de la Paix", "75002", "Paris")),
            FakeServiceLayer.Customer("C20007", "Swiss Alps Trading AG", currency: "CHF"),
        ]);
        erp.Invoices.AddRange([
            FakeServiceLayer.Document(1542, 240315, "C20000", 1200m, 400m),
            FakeServiceLayer.Document(1549, 240322, "C20007", 2000m, 0m, "CHF", 1.04425m),
            FakeServiceLayer.Document(1550, 240323, "C20000", 350.40m, 0m),
            FakeServiceLayer.Document(1551, 240324, "C20000", 99m, 99m, status: "bost_Close"),
            FakeServiceLayer.Document(1552, 240325, "C20007", 800m, 0m, "CHF", 1.04425m, status: "bost_Close", cancelled: "tYES"),
        ]);
        erp.CreditNotes.Add(FakeServiceLayer.Document(87, 250087, "C20000", 120.50m, 0m));
        // The first page of invoices fails: the host tries again from the last committed page.
        erp.Server.Enqueue("/b1s/v1/Invoices", new ScriptedAnswer(500, """{"error":{"code":-1,"message":{"lang":"en-us","value":"Internal error"}}}"""));
        var key = await server.CreateOrganizationAsync("Business One SAS");
        var created = await server.PostAsync(Create, new { input = new { pluginId = "sap-b1", name = "SAP B1", mode = "FULL", settings = SapB1Ledger.Settings(erp, pageSize: 2) } }, key);
        var connection = created.Data("createErpConnection", "erpConnection")!;
        Assert.Equal("***", connection["settings"]!["password"]!.GetValue<string>());

        var run = (await server.PostAsync(SyncRuns.Run, new { id = connection["id"]!.GetValue<string>() }, key)).Data("runErpConnection", "run", "id")!.GetValue<string>();
        // The host waits out its back-off on its clock, the tests' own: time passes until the read goes on.
        for (var i = 0; i < 100 && !erp.Server.Requests.Any(r => r.StartsWith("GET /b1s/v1/CreditNotes", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
            server.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await server.WaitForRunAsync(key, run, RunFields);
        var imported = await PiecesAsync(key);

        Assert.Equal(("SUCCEEDED", 4, 0), (first["state"]!.GetValue<string>(), first["piecesUpserted"]!.GetValue<int>(), first["rejected"]!.GetValue<int>()));
        Assert.Equal(["CREDIT_NOTE 250087 -120.50 EUR", "INVOICE 240315 800.00 EUR", "INVOICE 240322 2000.00 CHF", "INVOICE 240323 350.40 EUR"], imported);
        Assert.Equal(new Dictionary<string, decimal> { ["EUR"] = 1029.90m, ["CHF"] = 2000.00m }, await OpenPerCurrencyAsync(key));
        var client = (await server.PostAsync("{ clients(first: 10) { nodes { code vatNumber currency creditLimit { amount currency } address { line1 postalCode city country } } } }", key: key)).Data("clients", "nodes")!.AsArray();
        Assert.Equal("{\"code\":\"C20000\",\"vatNumber\":\"FR44732829320\",\"currency\":\"EUR\",\"creditLimit\":{\"amount\":\"15000.00\",\"currency\":\"EUR\"},\"address\":{\"line1\":\"12 rue de la Paix\",\"postalCode\":\"75002\",\"city\":\"Paris\",\"country\":\"FR\"}}", client[0]!.ToJsonString());
        Assert.Equal("CHF", client[1]!["currency"]!.GetValue<string>());
        Assert.Null(client[1]!["address"]);

        // Paid in the ERP: 240315 in full (closed), 500 CHF of 240322.
        (erp.Invoices[0]["PaidToDate"], erp.Invoices[0]["DocumentStatus"]) = (1200m, "bost_Close");
        (erp.Invoices[1]["PaidToDateFC"], erp.Invoices[1]["PaidToDate"]) = (500m, 522.13m);
        var second = await server.RunAsync(key, connection["id"]!.GetValue<string>(), RunFields);

        Assert.Equal(("SUCCEEDED", 1), (second["state"]!.GetValue<string>(), second["piecesClosed"]!.GetValue<int>()));
        Assert.Equal(["CREDIT_NOTE 250087 -120.50 EUR", "INVOICE 240315 0.00 EUR", "INVOICE 240322 1500.00 CHF", "INVOICE 240323 350.40 EUR"], await PiecesAsync(key));
        Assert.Equal(new Dictionary<string, decimal> { ["EUR"] = 229.90m, ["CHF"] = 1500.00m }, await OpenPerCurrencyAsync(key));
    }

    [Fact]
    public async Task AnS4HanaConnection_ImportsTheOpenItemsPerCurrency_AndSettlesTheClearedOnes()
    {
        await using var erp = await FakeS4.StartAsync();
        erp.Partners.AddRange([
            FakeS4.Partner("10100001", "Boulangerie Martin SARL", "FR44732829320", "compta@boulangerie-martin.example"),
            FakeS4.Partner("17100001", "Great Lakes Bakery Inc.", currency: "USD"),
        ]);
        erp.Items.AddRange([
            FakeS4.Item("1010", "2024", "1800000123", "001", "10100001", "RV", 1200m, "90001234"),
            FakeS4.Item("1010", "2024", "1400000050", "002", "10100001", "DZ", -400m, "VIR-0615", invoice: "1800000123", invoiceYear: "2024", invoiceItem: "001"),
            FakeS4.Item("1010", "2024", "1800000124", "001", "10100001", "RV", 350.40m, "90001235"),
            FakeS4.Item("1010", "2024", "1600000007", "001", "10100001", "DG", -120.50m, "AV-7"),
            FakeS4.Item("1710", "2024", "1800000001", "001", "17100001", "RV", 2500m, "91000001", "USD"),
        ]);
        var key = await server.CreateOrganizationAsync("S4 Hana SA");
        var created = await server.PostAsync(Create, new { input = new { pluginId = "sap-s4", name = "S/4HANA", mode = "FULL", settings = SapS4Ledger.Settings(erp) } }, key);
        var id = created.Data("createErpConnection", "erpConnection", "id")!.GetValue<string>();

        var first = await server.RunAsync(key, id, RunFields);

        Assert.Equal(("SUCCEEDED", 4), (first["state"]!.GetValue<string>(), first["piecesUpserted"]!.GetValue<int>()));
        Assert.Equal(["CREDIT_NOTE AV-7 -120.50 EUR", "INVOICE 90001234 800.00 EUR", "INVOICE 90001235 350.40 EUR", "INVOICE 91000001 2500.00 USD"], await PiecesAsync(key));
        Assert.Equal(new Dictionary<string, decimal> { ["EUR"] = 1029.90m, ["USD"] = 2500.00m }, await OpenPerCurrencyAsync(key));

        // Paid in the ERP: the rest of 90001234 clears it with its partial payment; 1000 USD paid on 91000001.
        foreach (var item in erp.Items.Where(i => i["AccountingDocument"]!.GetValue<string>() is "1800000123" or "1400000050"))
        {
            (item["IsCleared"], item["ClearingCreationDate"]) = (true, FakeS4.Date("2025-06-30"));
        }

        erp.Items.Add(FakeS4.Item("1710", "2024", "1400000001", "001", "17100001", "DZ", -1000m, "WIRE", "USD", invoice: "1800000001", invoiceYear: "2024", invoiceItem: "001"));
        var second = await server.RunAsync(key, id, RunFields);

        Assert.Equal(("SUCCEEDED", 1), (second["state"]!.GetValue<string>(), second["piecesClosed"]!.GetValue<int>()));
        Assert.Equal(["CREDIT_NOTE AV-7 -120.50 EUR", "INVOICE 90001234 0.00 EUR", "INVOICE 90001235 350.40 EUR", "INVOICE 91000001 1500.00 USD"], await PiecesAsync(key));
        Assert.Equal(new Dictionary<string, decimal> { ["EUR"] = 229.90m, ["USD"] = 1500.00m }, await OpenPerCurrencyAsync(key));
    }

    private async Task<List<string>> PiecesAsync(string key) =>
        [.. (await NodesAsync(key)).Select(p =>
            $"{p!["type"]!.GetValue<string>()} {p["number"]!.GetValue<string>()} {Amount(p).ToString("0.00", CultureInfo.InvariantCulture)} {p["openAmount"]!["currency"]!.GetValue<string>()}").Order(StringComparer.Ordinal)];

    private async Task<Dictionary<string, decimal>> OpenPerCurrencyAsync(string key) =>
        (await NodesAsync(key)).GroupBy(p => p!["openAmount"]!["currency"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Sum(Amount));

    private static decimal Amount(JsonNode? piece) => decimal.Parse(piece!["openAmount"]!["amount"]!.ToString(), CultureInfo.InvariantCulture);

    private async Task<JsonArray> NodesAsync(string key) =>
        (await server.PostAsync("{ pieces(first: 100) { nodes { type number openAmount { amount currency } } } }", key: key)).Data("pieces", "nodes")!.AsArray();
}
