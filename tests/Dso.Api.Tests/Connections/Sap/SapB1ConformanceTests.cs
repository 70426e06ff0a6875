using Dso.Connectors.Abstractions;
using Dso.Connectors.Testing;

namespace Dso.Api.Tests.Connections.Sap;

/// <summary>The kit's conformance suite run against the <c>sap-b1</c> plug-in and a fake Service Layer.</summary>
public sealed class SapB1ConformanceTests : ConnectorConformanceTests
{
    protected override int ExpectedPieces => SapB1Ledger.OpenDocuments;

    public static IConnector Connector() => PluginTypes.Create("sap-b1", "Dso.Connectors.SapB1", "Dso.Connectors.SapB1.SapB1Connector");

    protected override IConnector CreateConnector() => Connector();

    protected override async Task<object> ArrangeAsync(ErpSituation situation)
    {
        var erp = Keep(await FakeServiceLayer.StartAsync());
        SapB1Ledger.Seed(erp);
        switch (situation)
        {
            case ErpSituation.TransientFailureOnce:
                erp.Server.Enqueue("/b1s/v1/Invoices", new ScriptedAnswer(500, """{"error":{"code":-1,"message":{"lang":"en-us","value":"Internal error"}}}"""));
                break;
            case ErpSituation.MalformedRecord:
                erp.Invoices[3]["DocDueDate"] = "2024-13-45";
                break;
            case ErpSituation.SlowPages:
                erp.Delay = TimeSpan.FromSeconds(3);
                break;
            default:
                break;
        }

        return SapB1Ledger.Settings(erp, situation == ErpSituation.BadCredentials ? "wrong" : FakeServiceLayer.Password);
    }
}

/// <summary>A Business One company for the tests: three customers, 20 invoices and 4 credit notes open (some in CHF), and closed and cancelled documents that are not.</summary>
public static class SapB1Ledger
{
    public const int OpenDocuments = 24;

    public static void Seed(FakeServiceLayer erp)
    {
        erp.BusinessPartners.AddRange([
            FakeServiceLayer.Customer("C20000", "Boulangerie Martin SARL", "FR44732829320", email: "compta@boulangerie-martin.example", creditLimit: 15000),
            FakeServiceLayer.Customer("C20007", "Swiss Alps Trading AG", "CHE-123.456.789", currency: "CHF"),
            FakeServiceLayer.Customer("C20011", "Transports Leroy SAS", "552100554", currency: "##"),
        ]);
        erp.BusinessPartners.Add(FakeServiceLayer.Customer("V70001", "Fournisseur Papier SA", type: "cSupplier"));
        for (var i = 1; i <= 20; i++)
        {
            var chf = i % 5 == 0;
            erp.Invoices.Add(FakeServiceLayer.Document(1540 + i, 240300 + i, chf ? "C20007" : i % 2 == 0 ? "C20000" : "C20011", 1000m + i * 10.25m, i % 3 == 0 ? 400m : 0m, chf ? "CHF" : "EUR", chf ? 1.0425m : 1));
        }

        erp.Invoices.Add(FakeServiceLayer.Document(1600, 240400, "C20000", 500m, 500m, status: "bost_Close"));
        erp.Invoices.Add(FakeServiceLayer.Document(1601, 240401, "C20011", 700m, 0m, status: "bost_Close", cancelled: "tYES"));
        for (var i = 1; i <= 4; i++)
        {
            erp.CreditNotes.Add(FakeServiceLayer.Document(80 + i, 250100 + i, "C20000", 120m + i, 0m));
        }
    }

    public static object Settings(FakeServiceLayer erp, string password = FakeServiceLayer.Password, int pageSize = 5) =>
        new { baseUrl = erp.BaseUrl, companyDb = FakeServiceLayer.Company, username = FakeServiceLayer.User, password, pageSize };
}
