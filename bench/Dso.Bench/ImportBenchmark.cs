using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dso.Domain.Demo;

namespace Dso.Bench;

/// <summary>
/// A FULL import of a Sage-style export (N pieces over N/20 clients) with `admin import`, run as its own
/// process to read its peak memory, then the same file again (nothing changes), side by side with
/// `sqlite3 .import` of the same file into a table with the same indexes as Dso's pieces, and into one with only the
/// natural key (the raw load).
/// </summary>
internal static partial class ImportBenchmark
{
    private const string Header = "Code client;Raison sociale;N° pièce;Type;Date pièce;Date échéance;Montant TTC;Reste dû;Devise;SIREN;Email relance";

    public static async Task RunAsync(int pieces)
    {
        var clients = Math.Max(10, pieces / 20);
        var (folder, csv, organization, import) = await PrepareAsync(pieces, clients);
        var first = Run("/usr/bin/time", ["-f", "maxrss=%M", .. import]);
        var again = Run("/usr/bin/time", ["-f", "maxrss=%M", .. import]);
        var sqlite = SqliteImport(folder, csv, "indexed", PiecesIndexes);
        var raw = SqliteImport(folder, csv, "raw", UniqueKey);

        Console.WriteLine("| pieces | clients | file | FULL import | peak memory | re-import (unchanged) | peak memory | sqlite3 .import, Dso's indexes | raw load, unique key only | import ÷ sqlite3 | import ÷ raw | re-import ÷ import |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {pieces:N0} | {clients:N0} | {new FileInfo(csv).Length / (1 << 20):N0} MiB | {first.Seconds:N1} s | {first.PeakMiB:N0} MiB | {again.Seconds:N1} s | {again.PeakMiB:N0} MiB | {sqlite:N1} s | {raw:N1} s | {first.Seconds / sqlite:N2} | {first.Seconds / raw:N2} | {again.Seconds / first.Seconds:N2} |"));
        Console.Error.WriteLine(first.Output.Trim());
        if (Environment.GetEnvironmentVariable("DSO_BENCH_KEEP") == "1")
        {
            // To profile by hand (see the README): the export, its mapping and the imported database stay.
            Console.Error.WriteLine($"Kept: {folder} (organization {organization})");
            return;
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A database holding one organization with an imported export of N pieces over the given clients (for other benchmarks).</summary>
    public static async Task<(string ConnectionString, string Folder)> ImportedDatabaseAsync(int pieces, int clients)
    {
        var (database, folder, _) = await TimedImportAsync(pieces, clients);
        return (database, folder);
    }

    /// <summary>The rows per second of a FULL import of N pieces over N/20 clients with `admin import` (for the API's comparison).</summary>
    public static async Task<double> RowsPerSecondAsync(int pieces)
    {
        var (_, folder, seconds) = await TimedImportAsync(pieces, Math.Max(10, pieces / 20));
        Directory.Delete(folder, recursive: true);
        return pieces / seconds;
    }

    private static async Task<(string ConnectionString, string Folder, double Seconds)> TimedImportAsync(int pieces, int clients)
    {
        var (folder, _, _, import) = await PrepareAsync(pieces, clients);
        var run = Run(import[0], import[1..]);
        return (import[^1], folder, run.Seconds);
    }

    // A folder with the export of N pieces over the given clients, its mapping and a database with one organization; and
    // the command that imports the export FULL into it (its last argument the connection string).
    private static async Task<(string Folder, string Csv, string Organization, string[] Import)> PrepareAsync(int pieces, int clients)
    {
        var folder = Directory.CreateTempSubdirectory("dso-import-bench-").FullName;
        var csv = Path.Combine(folder, "export.csv");
        Generate(csv, pieces, clients);
        var mapping = Path.Combine(folder, "mapping.json");
        await File.WriteAllTextAsync(mapping, Mapping);
        var database = $"Data Source={Path.Combine(folder, "dso.db")}";
        var api = Path.Combine(AppContext.BaseDirectory, "Dso.Api.dll");
        var organization = Regex.Match(Run("dotnet", [api, "admin", "create-organization", "--name", "Bench SAS", "--ConnectionStrings:Dso", database]).Output, "\"organizationId\":\"([^\"]+)\"").Groups[1].Value;
        return (folder, csv, organization, ["dotnet", api, "admin", "import", "--organization", organization, "--file", csv, "--mapping", mapping, "--mode", "FULL", "--ConnectionStrings:Dso", database]);
    }

    public static void Generate(string path, int pieces, int clients)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var writer = new StreamWriter(path, false, Encoding.GetEncoding(1252)) { NewLine = "\r\n" };
        writer.WriteLine(Header);
        foreach (var piece in Records(pieces, clients))
        {
            writer.WriteLine(string.Join(';', piece.Client.Code, piece.Client.Name, piece.Number, piece.Type, piece.Issued.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                piece.Due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), French(piece.Amount), French(piece.Open), "EUR", piece.Client.LegalId,
                piece.Client.Contacts![0].Email));
        }
    }

    /// <summary>The export's pieces, the same for the same sizes: a Sage type (Facture, Avoir, Règlement), dates, amounts, and the client.</summary>
    public static IEnumerable<GeneratedPiece> Records(int pieces, int clients)
    {
        var random = new Random(11);
        var today = new DateOnly(2025, 6, 30);
        var generator = new DemoDataGenerator(3, today);
        var names = Enumerable.Range(0, clients).Select(generator.Client).ToArray();
        for (var i = 0; i < pieces; i++)
        {
            var client = names[random.Next(clients)];
            var roll = random.Next(100);
            var (type, prefix) = roll < 4 ? ("Avoir", "AV") : roll < 8 ? ("Règlement", "RG") : ("Facture", "FA");
            var issued = today.AddDays(-random.Next(365));
            var due = type == "Facture" ? issued.AddDays(30 + (15 * random.Next(3))) : issued;
            var amount = Math.Round(100 + ((decimal)random.NextDouble() * 20_000), 2);
            var open = type == "Facture" && random.Next(4) == 0 ? Math.Round(amount * 0.4m, 2) : amount;
            yield return new GeneratedPiece(client, $"{prefix}{i + 1:00000000}", type, issued, due, amount, open);
        }
    }

    // As Sage writes them: a no-break space between thousands (it exists in Windows-1252), a decimal comma.
    private static string French(decimal amount) =>
        amount.ToString("#,##0.00", CultureInfo.InvariantCulture).Replace(',', '\u00A0').Replace('.', ',');

    // The same CSV into one table with the indexes Dso keeps on its pieces, each on the file's column that stands for
    // the piece's (the organization, a constant, left out; the status, null on every imported piece, as the currency,
    // one value on every row): the client, the due date, the issue date, the number, the open amount, the source's open
    // pieces, the natural key, the status, the two partial indexes of pieces dated before their history, the turnover's
    // and the client's balance.
    private const string PiecesIndexes = """
        CREATE INDEX pieces_client ON pieces(client);
        CREATE INDEX pieces_due ON pieces(due);
        CREATE INDEX pieces_issued ON pieces(issued);
        CREATE INDEX pieces_number ON pieces(number);
        CREATE INDEX pieces_open ON pieces(open);
        CREATE INDEX pieces_source ON pieces(currency, open);
        CREATE UNIQUE INDEX pieces_key ON pieces(type, number);
        CREATE INDEX pieces_status ON pieces(currency);
        CREATE INDEX pieces_history ON pieces(due) WHERE due > issued;
        CREATE INDEX pieces_history_issued ON pieces(issued) WHERE due > issued;
        CREATE INDEX pieces_turnover ON pieces(issued, currency, type, amount);
        CREATE INDEX pieces_balance ON pieces(client, due, open, type, currency);
        """;

    // The raw load: the same table with its natural key only.
    private const string UniqueKey = "CREATE UNIQUE INDEX pieces_key ON pieces(type, number);";

    private static double SqliteImport(string folder, string csv, string name, string indexes)
    {
        var script = Path.Combine(folder, name + ".sql");
        File.WriteAllText(script, $"""
            CREATE TABLE pieces(client TEXT, name TEXT, number TEXT, type TEXT, issued TEXT, due TEXT, amount TEXT, open TEXT, currency TEXT, siren TEXT, email TEXT);
            {indexes}
            .mode csv
            .separator ;
            .import --skip 1 '{csv}' pieces
            """);
        var run = Run("sqlite3", [Path.Combine(folder, name + ".db"), $".read '{script}'"]);
        return run.Seconds;
    }

    internal static (double Seconds, long PeakMiB, string Output) Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {error}{output.Result}");
        }

        var peak = PeakMemory().Match(error);
        return (watch.Elapsed.TotalSeconds, peak.Success ? long.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture) / 1024 : 0, output.Result);
    }

    [GeneratedRegex("maxrss=([0-9]+)")]
    private static partial Regex PeakMemory();

    internal const string Mapping = """
        {
          "kind": "PIECES", "delimiter": ";", "encoding": "windows-1252", "decimalSeparator": ",", "dateFormat": "dd/MM/yyyy",
          "columns": {
            "clientCode": "Code client", "clientName": "Raison sociale", "number": "N° pièce", "type": "Type",
            "issueDate": "Date pièce", "dueDate": "Date échéance", "amount": "Montant TTC", "openAmount": "Reste dû",
            "currency": "Devise", "clientLegalId": "SIREN", "clientEmail": "Email relance"
          },
          "typeValues": { "Facture": "INVOICE", "Avoir": "CREDIT_NOTE", "Règlement": "UNAPPLIED_PAYMENT" }
        }
        """;
}

/// <summary>A piece of the generated export.</summary>
internal sealed record GeneratedPiece(Dso.Domain.Clients.ClientInput Client, string Number, string Type, DateOnly Issued, DateOnly Due, decimal Amount, decimal Open);
