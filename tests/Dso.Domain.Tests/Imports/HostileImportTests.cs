using System.Text;
using Dso.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Tests.Imports;

/// <summary>Files that are wrong in every way an export can be: each gets a clear error with line and column, and nothing changes.</summary>
public class HostileImportTests
{
    internal const string Header = "Code client;Raison sociale;N° pièce;Type;Date pièce;Date échéance;Montant TTC;Reste dû;Devise;SIREN;Code postal;Ville;Email relance";
    internal const string Good = "C1;Alpha SAS;FA1;Facture;01/05/2025;31/05/2025;1 234,56;1 234,56;EUR;732829320;75001;Paris;compta@alpha.example";

    public static TheoryData<string, string[], int, string?, string> BadRows => new()
    {
        { "bad date", [Header, Good, Good.Replace("FA1;", "FA2;", StringComparison.Ordinal).Replace("31/05/2025", "31/02/2025", StringComparison.Ordinal)], 3, "Date échéance", "not a date" },
        { "bad decimal", [Header, Good.Replace("1 234,56;1 234,56", "12,3,4;1 234,56", StringComparison.Ordinal)], 2, "Montant TTC", "not an amount" },
        { "duplicate number", [Header, Good, Good], 3, "N° pièce", "already on line 2" },
        { "formula cell", [Header, Good.Replace("Alpha SAS", "=cmd|' /C calc'!A0", StringComparison.Ordinal)], 2, "Raison sociale", "formula" },
        { "formula after a sign", [Header, Good.Replace("Alpha SAS", "-2+3+cmd|' /C calc'!A0", StringComparison.Ordinal)], 2, "Raison sociale", "formula" },
        { "unknown type", [Header, Good.Replace("Facture", "Traite", StringComparison.Ordinal)], 2, "Type", "not a known piece type" },
        { "bad SIREN", [Header, Good.Replace("732829320", "732829321", StringComparison.Ordinal)], 2, "SIREN", "SIREN" },
        { "open above amount", [Header, Good.Replace("1 234,56;1 234,56", "100,00;150,00", StringComparison.Ordinal)], 2, "Reste dû", "not exceed" },
        { "missing mapped column", [Header.Replace("Reste dû", "Solde", StringComparison.Ordinal), Good], 1, "Reste dû", "not in the file" },
        { "missing amount", [Header, Good.Replace("1 234,56;1 234,56", ";1 234,56", StringComparison.Ordinal)], 2, "Montant TTC", "missing" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task ABadRow_RejectsTheFile_WithItsLineAndColumn_AndChangesNothing(string label, string[] lines, int line, string? column, string reason)
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));

        var job = await db.ImportLinesAsync(lines);

        Assert.True(job.State == ImportJobState.Failed, label);
        var error = await FirstErrorAsync(db, job);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((0, 0), await db.QueryAsync(async c => (await c.Pieces.CountAsync(), await c.Clients.CountAsync())));
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty file", [], "empty" },
        { "binary garbage", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256))], "" },
        { "a 50 MB line", Encoding.UTF8.GetBytes(Header + "\r\n" + new string('x', 50 * 1024 * 1024)), "longer than" },
        { "wrong encoding", Imports.Windows1252.GetBytes(Header + "\r\n" + Good.Replace("Alpha SAS", "Société Générale", StringComparison.Ordinal)), "encoding" },
    };

    [Theory]
    // Not enumerated at discovery, where the runner keeps the 50 MB file (and its serialized copy) for the whole run:
    // each file still runs and reports as a test of its own. The domain tests' peak: 1.2 GB with it, 0.6 GB without.
    [MemberData(nameof(BadFiles), DisableDiscoveryEnumeration = true)]
    public async Task AFileThatIsNotAnExport_FailsWithAClearError_AndChangesNothing(string label, byte[] content, string reason)
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        // The wrong-encoding file says it is UTF-8.
        var mapping = label == "wrong encoding" ? Imports.SageMapping.Replace("windows-1252", "utf-8", StringComparison.Ordinal) : Imports.SageMapping;

        var job = await db.ImportBytesAsync(content, "export.csv", ImportMode.Full, mapping);

        Assert.True(job.State == ImportJobState.Failed, label);
        var error = await FirstErrorAsync(db, job);
        Assert.True(error.Line >= 1);
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await db.QueryAsync(c => c.Pieces.CountAsync()));
    }

    [Fact]
    public async Task WithRejectFileOnErrorsOff_ValidRowsAreImported_AndInvalidOnesReported()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.QueryAsync(async c =>
        {
            (await c.Organizations.SingleAsync()).Settings.RejectFileOnErrors = false;
            return await c.SaveChangesAsync();
        });

        var job = await db.ImportLinesAsync([Header, Good, Good.Replace("FA1", "FA2", StringComparison.Ordinal).Replace("31/05/2025", "xx", StringComparison.Ordinal)]);

        Assert.Equal((ImportJobState.Succeeded, 2, 1, 1), (job.State, job.RowsRead, job.RowsImported, job.ErrorCount));
        Assert.Equal(["FA1"], await db.QueryAsync(c => c.Pieces.Select(p => p.Number).ToListAsync()));
    }

    private static Task<ImportRowError> FirstErrorAsync(TestDatabase db, ImportJob job) =>
        db.QueryAsync(c => c.Set<ImportRowError>().Where(e => e.ImportJobId == job.Id).OrderBy(e => e.Id).FirstAsync());
}
