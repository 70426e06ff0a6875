using Dso.Connectors.Abstractions;
using Dso.Connectors.Testing;

namespace Dso.Api.Tests.Connections.Sap;

/// <summary>The kit's conformance suite run against the <c>sap-s4</c> plug-in and a fake S/4HANA.</summary>
public sealed class SapS4ConformanceTests : ConnectorConformanceTests
{
    protected override int ExpectedPieces => SapS4Ledger.OpenPieces;

    public static IConnector Connector() => PluginTypes.Create("sap-s4", "Dso.Connectors.SapS4", "Dso.Connectors.SapS4.SapS4Connector");

    protected override IConnector CreateConnector() => Connector();

    protected override async Task<object> ArrangeAsync(ErpSituation situation)
    {
        var erp = Keep(await FakeS4.StartAsync());
        SapS4Ledger.Seed(erp);
        switch (situation)
        {
            case ErpSituation.TransientFailureOnce:
                erp.Server.Enqueue("/sap/opu/odata/sap/API_OPLACCTGDOCITEMCUBE_SRV/A_OperationalAcctgDocItemCube", new ScriptedAnswer(503, "<html><body>Service unavailable</body></html>"));
                break;
            case ErpSituation.MalformedRecord:
                erp.Items.Single(i => i["DocumentReferenceID"]!.GetValue<string>() == "90001004")["AmountInTransactionCurrency"] = "12,3x";
                break;
            case ErpSituation.SlowPages:
                erp.Delay = TimeSpan.FromSeconds(3);
                break;
            default:
                break;
        }

        return SapS4Ledger.Settings(erp, situation == ErpSituation.BadCredentials ? "wrong" : FakeS4.Password);
    }
}

/// <summary>
/// An S/4HANA ledger for the tests. Company code 1010 (EUR): ten invoices of two customers, one with a partial
/// payment and one with a credit memo pointing at it, a credit memo and a payment on account of their own, an
/// invoice in two installments, a down payment (special G/L) and a cleared invoice; 1710 (USD): three invoices;
/// 9999, not configured: one. 17 pieces are open.
/// </summary>
public static class SapS4Ledger
{
    public const int OpenPieces = 17;

    public static void Seed(FakeS4 erp)
    {
        erp.Partners.AddRange([
            FakeS4.Partner("10100001", "Boulangerie Martin SARL", "FR44732829320", "compta@boulangerie-martin.example", street: ("12", "Rue de la Paix")),
            FakeS4.Partner("10100002", "Transports Leroy SAS", "552100554"),
            FakeS4.Partner("17100001", "Great Lakes Bakery Inc.", "US12-3456789", currency: "USD"),
        ]);
        var supplier = FakeS4.Partner("", "Papeterie Fournisseur SA");
        supplier["BusinessPartner"] = "30000001";
        erp.Partners.Add(supplier);
        for (var i = 1; i <= 10; i++)
        {
            erp.Items.Add(FakeS4.Item("1010", "2024", $"18000010{i:D2}", "001", i % 2 == 1 ? "10100001" : "10100002", "RV", 1000m + i * 100.5m, $"900010{i:D2}"));
        }

        erp.Items.AddRange([
            FakeS4.Item("1010", "2024", "1400000050", "002", "10100001", "DZ", -200m, "VIR-0615", invoice: "1800001001", invoiceYear: "2024", invoiceItem: "001"),
            FakeS4.Item("1010", "2024", "1600000007", "001", "10100002", "DG", -50.25m, "AV-7", invoice: "1800001002", invoiceYear: "2024", invoiceItem: "001"),
            FakeS4.Item("1010", "2024", "1600000008", "001", "10100001", "DG", -75m, "AV-8"),
            FakeS4.Item("1010", "2024", "1400000045", "002", "10100002", "DZ", -500m, "VIR-20240610"),
            FakeS4.Item("1010", "2024", "1800001020", "001", "10100001", "RV", 600m, "90001020", due: "2024-07-01"),
            FakeS4.Item("1010", "2024", "1800001020", "002", "10100001", "RV", 600m, "90001020", due: "2024-08-01"),
            FakeS4.Item("1010", "2024", "1500000001", "001", "10100002", "DA", -300m, "ACOMPTE", specialGl: "A"),
            FakeS4.Item("1010", "2024", "1800000999", "001", "10100001", "RV", 450m, "90000999", cleared: true, clearedOn: "2024-05-30"),
            FakeS4.Item("1710", "2024", "1800000001", "001", "17100001", "RV", 2500m, "91000001", "USD"),
            FakeS4.Item("1710", "2024", "1800000002", "001", "17100001", "RV", 1250.5m, "91000002", "USD"),
            FakeS4.Item("1710", "2025", "1800000001", "001", "17100001", "RV", 99.99m, "91000003", "USD"),
            FakeS4.Item("9999", "2024", "1800000001", "001", "10100001", "RV", 10m, "99000001"),
        ]);
    }

    public static object Settings(FakeS4 erp, string password = FakeS4.Password) =>
        new { baseUrl = erp.BaseUrl, username = FakeS4.User, password, companyCodes = new[] { "1010", "1710" } };
}
