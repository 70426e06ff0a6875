using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dso.Api.Tests.Imports;
using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Jobs;

/// <summary>Imports claimed with leases by real processes on one SQLite file: killed workers, and two servers at once.</summary>
public partial class ImportWorkerProcessTests
{
    private const int Pieces = 40_000;

    [Fact]
    public async Task ACommandLineImportKilledMidWrite_IsTakenOverByAServerOnceItsLeaseLapses_AndWrittenOnce()
    {
        using var database = new TemporaryDatabase();
        var csv = Path.Combine(database.Folder, "export.csv");
        await File.WriteAllBytesAsync(csv, Export(Pieces));
        var mapping = Path.Combine(database.Folder, "mapping.json");
        await File.WriteAllTextAsync(mapping, ImportUploads.SageMapping);
        string[] settings = ["--ConnectionStrings:Dso", $"Data Source={database.Path}", "--Dso:Work:LeaseDuration", "00:00:02"];
        using (var bootstrap = await ApiProcess.StartAsync(database.Path))
        {
            bootstrap.Process.Kill();
        }

        var organization = await SqliteFile.ScalarAsync(database.Path, "SELECT Id FROM Organizations");
        using (var cli = ChildProcess.Start(["admin", "import", "--organization", organization, "--file", csv, "--mapping", mapping, "--mode", "FULL", .. settings]))
        {
            Assert.True(await cli.WaitForAsync("writing   ", TimeSpan.FromMinutes(2)), cli.Output);
            cli.Kill();
        }

        using var server = await ApiProcess.StartAsync(database.Path, "--Dso:Work:LeaseDuration", "00:00:02");
        var job = await ImportUploads.WaitForJobAsync(server, Dso.Api.GraphQL.Common.GlobalId.Encode("ImportJob", long.Parse(await SqliteFile.ScalarAsync(database.Path, "SELECT Id FROM ImportJob"), CultureInfo.InvariantCulture)));

        Assert.Equal(("SUCCEEDED", Pieces), (job["state"]!.GetValue<string>(), job["piecesUpserted"]!.GetValue<int>()));
        Assert.Equal(Pieces, (await server.DataAsync("{ pieces(first: 1) { totalCount } }"))["pieces"]!["totalCount"]!.GetValue<int>());
        Assert.Contains("was taken over", server.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerStoppedGracefullyDuringAnImport_LeavesTheJobQueuedWithItsFile_AndTheNextStartImportsIt()
    {
        using var database = new TemporaryDatabase();
        string id;
        using (var stopped = await ApiProcess.StartAsync(database.Path))
        {
            id = (await ImportUploads.UploadAsync(stopped, Export(Pieces)))["startImport"]!["job"]!["id"]!.GetValue<string>();
            var state = "QUEUED";
            for (var attempt = 0; state == "QUEUED" && attempt < 600; attempt++)
            {
                state = (await stopped.DataAsync("query($id: ID!) { node(id: $id) { ... on ImportJob { state } } }", new { id }))["node"]!["state"]!.GetValue<string>();
            }

            // Stopped while it runs, not before it starts nor after it ends.
            Assert.Equal("RUNNING", state);

            stopped.Process.Terminate();
            Assert.Equal(0, await stopped.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.Equal("Queued", await SqliteFile.ScalarAsync(database.Path, "SELECT State FROM ImportJob"));
        Assert.NotEqual("0", await SqliteFile.ScalarAsync(database.Path, "SELECT COUNT(*) FROM ImportFileChunk"));
        using var restarted = await ApiProcess.StartAsync(database.Path);
        var job = await ImportUploads.WaitForJobAsync(restarted, id);

        Assert.Equal(("SUCCEEDED", Pieces), (job["state"]!.GetValue<string>(), job["piecesUpserted"]!.GetValue<int>()));
        Assert.Equal("0", await SqliteFile.ScalarAsync(database.Path, "SELECT COUNT(*) FROM ImportFileChunk"));
    }

    [Fact]
    public async Task TwoServersOnOneDatabase_RunEachQueuedImportOnce()
    {
        using var database = new TemporaryDatabase();
        using var first = await ApiProcess.StartAsync(database.Path);
        using var second = await ApiProcess.StartAsync(database.Path);
        var jobs = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var answer = await ImportUploads.UploadAsync(i % 2 == 0 ? first : second, Export(500, $"B{i}"));
            jobs.Add(answer["startImport"]!["job"]!["id"]!.GetValue<string>());
        }

        foreach (var id in jobs)
        {
            Assert.Equal("SUCCEEDED", (await ImportUploads.WaitForJobAsync(first, id))["state"]!.GetValue<string>());
        }

        // The console logger writes a job's last line after its state is committed: give the lines a moment to arrive
        // (a seventh, a job run twice, would be there by then too).
        var ended = new List<string>();
        for (var attempt = 0; attempt < 100 && ended.Count < 6; attempt++, await Task.Delay(100))
        {
            ended = Ended().Matches(first.Process.Output + second.Process.Output).Select(m => m.Groups[1].Value).ToList();
        }

        Assert.Equal(6, ended.Count);
        Assert.Equal(6, ended.Distinct().Count());
        Assert.Equal(3000, (await first.DataAsync("{ pieces(first: 1) { totalCount } }"))["pieces"]!["totalCount"]!.GetValue<int>());
    }

    /// <summary>A Sage 100 export of N invoices over N/20 clients (numbers prefixed so that several files do not overlap).</summary>
    internal static byte[] Export(int pieces, string prefix = "FA")
    {
        var text = new StringBuilder("Code client;Raison sociale;N° pièce;Type;Date pièce;Date échéance;Montant TTC;Reste dû;Devise;SIREN;Email relance\r\n");
        for (var i = 0; i < pieces; i++)
        {
            var client = i % Math.Max(1, pieces / 20);
            text.Append(CultureInfo.InvariantCulture, $"C{client:00000};Client {client} SAS;{prefix}{i:000000};Facture;01/05/2025;31/05/2025;1 234,56;1 234,56;EUR;;\r\n");
        }

        // Latin-1 writes "°" and "è" as Windows-1252 does.
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    [GeneratedRegex(@"Import job (\d+) ended")]
    private static partial Regex Ended();
}
