using System.Text;
using Dso.Domain.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Imports;

/// <summary>Runs a file through StartImport and RunImport, as the API's worker does.</summary>
public static class Imports
{
    public const string SageMapping = """
        {
          "kind": "PIECES",
          "delimiter": ";", "encoding": "windows-1252", "decimalSeparator": ",", "dateFormat": "dd/MM/yyyy",
          "columns": {
            "clientCode": "Code client", "clientName": "Raison sociale", "number": "N° pièce",
            "type": "Type", "issueDate": "Date pièce", "dueDate": "Date échéance",
            "amount": "Montant TTC", "openAmount": "Reste dû", "currency": "Devise",
            "clientLegalId": "SIREN", "clientEmail": "Email relance"
          },
          "typeValues": { "Facture": "INVOICE", "Avoir": "CREDIT_NOTE", "Règlement": "UNAPPLIED_PAYMENT" }
        }
        """;

    public static Encoding Windows1252 { get; } = CodePages();

    public static string SageSample => RepositoryRoot.TestData("sage100-export-sample.csv");

    public static Task<ImportJob> ImportFileAsync(this TestDatabase db, string path, ImportMode mode = ImportMode.Full, string mapping = SageMapping) =>
        db.ImportBytesAsync(File.ReadAllBytes(path), Path.GetFileName(path), mode, mapping);

    public static Task<ImportJob> ImportLinesAsync(this TestDatabase db, IEnumerable<string> lines, ImportMode mode = ImportMode.Full, string mapping = SageMapping, DateOnly? asOf = null) =>
        db.ImportBytesAsync(Windows1252.GetBytes(string.Join("\r\n", lines) + "\r\n"), "export.csv", mode, mapping, asOf);

    /// <summary>Only the start of an import of lines: the job queued, or why it was refused.</summary>
    public static Task<Dso.Domain.Common.Outcome<ImportJob>> StartLinesAsync(this TestDatabase db, IEnumerable<string> lines, DateOnly? asOf) =>
        db.RunAsync(async sp =>
        {
            using var stream = new MemoryStream(Windows1252.GetBytes(string.Join("\r\n", lines) + "\r\n"));
            return await sp.GetRequiredService<StartImport>().ExecuteAsync(new ImportRequest("export.csv", SageMapping, null, ImportMode.Full, AsOf: asOf), stream, default);
        });

    public static Task<ImportJob> ImportBytesAsync(this TestDatabase db, byte[] content, string fileName, ImportMode mode = ImportMode.Full, string mapping = SageMapping, DateOnly? asOf = null) =>
        db.RunAsync(async sp =>
        {
            using var stream = new MemoryStream(content);
            var started = await sp.GetRequiredService<StartImport>().ExecuteAsync(new ImportRequest(fileName, mapping, null, mode, AsOf: asOf), stream, default);
            Assert.True(started.Succeeded, string.Join("; ", started.Errors.Select(e => e.Message)));
            Assert.NotNull(await sp.GetRequiredService<ClaimImport>().ExecuteAsync(started.Value!.Id, default));
            return await sp.GetRequiredService<RunImport>().ExecuteAsync(started.Value.Id, null, default);
        });

    public static string[] SampleLines() => File.ReadAllLines(SageSample, Windows1252);

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
