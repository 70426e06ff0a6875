using Dso.Domain.Clients;
using Dso.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Tests.Imports;

/// <summary>The client columns added for letters and credit reviews: the postal address (a bad one names its line and column), the credit limit's review date.</summary>
public class ClientColumnsImportTests
{
    private const string Mapping = """
        {
          "kind": "PIECES", "delimiter": ";", "encoding": "windows-1252", "decimalSeparator": ",", "dateFormat": "dd/MM/yyyy",
          "columns": {
            "clientCode": "Code client", "clientName": "Raison sociale", "number": "N° pièce", "type": "Type", "issueDate": "Date pièce",
            "dueDate": "Date échéance", "amount": "Montant TTC", "openAmount": "Reste dû", "currency": "Devise",
            "clientAddress1": "Adresse", "clientAddress2": "Complément", "clientPostalCode": "Code postal", "clientCity": "Ville", "clientCountry": "Pays"
          },
          "typeValues": { "Facture": "INVOICE" }
        }
        """;

    private const string Header = "Code client;Raison sociale;N° pièce;Type;Date pièce;Date échéance;Montant TTC;Reste dû;Devise;Adresse;Complément;Code postal;Ville;Pays";

    [Fact]
    public async Task TheAddressColumns_GiveTheClientItsPostalAddress_AndARowWithoutOneLeavesItUnset()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));

        var job = await db.ImportLinesAsync(
        [
            Header,
            "C1;Alpha SAS;FA1;Facture;01/05/2025;31/05/2025;1 234,56;1 234,56;EUR;12 rue des Lilas;Bât. B;69003;Lyon;",
            "C2;Beta GmbH;FA2;Facture;01/05/2025;31/05/2025;500,00;500,00;EUR;Hauptstraße 5;;10115;Berlin;de",
            "C3;Gamma SARL;FA3;Facture;01/05/2025;31/05/2025;100,00;100,00;EUR;;;;;",
        ], mapping: Mapping);

        Assert.Equal(ImportJobState.Succeeded, job.State);
        var addresses = await db.QueryAsync(c => c.Clients.AsNoTracking().OrderBy(x => x.Code).Select(x => x.Address).ToListAsync());
        Assert.Equal(new PostalAddress("12 rue des Lilas", "Bât. B", "69003", "Lyon", "FR"), addresses[0]);
        Assert.Equal(new PostalAddress("Hauptstraße 5", null, "10115", "Berlin", "DE"), addresses[1]);
        Assert.Null(addresses[2]);
        Assert.Equal(["Beta GmbH", "Hauptstraße 5", "10115 BERLIN", "GERMANY"], addresses[1]!.Lines("Beta GmbH"));
    }

    [Fact]
    public async Task AnAddressWithoutItsCity_OrWithAnUnknownCountry_RejectsTheFile_NamingTheColumn()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));

        var noCity = await db.ImportLinesAsync([Header, "C1;Alpha SAS;FA1;Facture;01/05/2025;31/05/2025;10,00;10,00;EUR;12 rue des Lilas;;69003;;FR"], mapping: Mapping);
        var country = await db.ImportLinesAsync([Header, "C1;Alpha SAS;FA1;Facture;01/05/2025;31/05/2025;10,00;10,00;EUR;12 rue des Lilas;;69003;Lyon;France"], mapping: Mapping);

        Assert.Equal((ImportJobState.Failed, 2, "Ville"), await FirstErrorAsync(db, noCity));
        Assert.Equal((ImportJobState.Failed, 2, "Pays"), await FirstErrorAsync(db, country));
        Assert.Equal(0, await db.QueryAsync(c => c.Clients.CountAsync()));
    }

    private static async Task<(ImportJobState, int, string?)> FirstErrorAsync(TestDatabase db, ImportJob job)
    {
        var error = await db.QueryAsync(c => c.Set<ImportRowError>().Where(e => e.ImportJobId == job.Id).OrderBy(e => e.Id).FirstAsync());
        return (job.State, error.Line, error.Column);
    }

    [Fact]
    public async Task AClientsMapping_SetsTheCreditLimitAndItsReviewDate()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        const string Clients = """
            {
              "kind": "CLIENTS", "delimiter": ";", "encoding": "windows-1252", "decimalSeparator": ",", "dateFormat": "dd/MM/yyyy",
              "columns": { "clientCode": "Code", "clientName": "Nom", "creditLimit": "Encours autorisé", "creditLimitReviewDate": "Revue" }
            }
            """;

        var job = await db.ImportLinesAsync(["Code;Nom;Encours autorisé;Revue", "C1;Alpha SAS;15 000,00;31/12/2025", "C2;Beta SAS;;"], mapping: Clients);

        Assert.Equal(ImportJobState.Succeeded, job.State);
        var clients = await db.QueryAsync(c => c.Clients.AsNoTracking().OrderBy(x => x.Code).Select(x => new { x.CreditLimit, x.CreditLimitReviewDate }).ToListAsync());
        Assert.Equal((15000m, new DateOnly(2025, 12, 31)), (clients[0].CreditLimit, clients[0].CreditLimitReviewDate));
        Assert.Equal((null, null), (clients[1].CreditLimit, clients[1].CreditLimitReviewDate));
    }
}
