using System.Text;
using Dso.Api.Tests.Imports;
using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Connections;

/// <summary>The <c>file</c> connector over SFTP against a real sshd on loopback, and over a folder.</summary>
[Collection(ApiServerGroup.Name)]
public class FileConnectorTests(ApiServer server)
{
    private const string RunFields = "piecesRead piecesUpserted rejected errors rowErrors(first: 5) { nodes { line message } }";

    private const string Create = """
        mutation($input: CreateErpConnectionInput!) { createErpConnection(input: $input) { erpConnection { id settings } userErrors { field message } } }
        """;

    [Fact]
    public async Task AnSftpConnection_ImportsAFrenchExportToTheCent_AndMovesABadFileToFailedWithNothingOfItWritten()
    {
        using var folder = new TemporaryDatabase();
        using var ssh = await SshServer.StartAsync(folder.Folder);
        var inbox = Directory.CreateDirectory(Path.Combine(folder.Folder, "inbox")).FullName;
        File.Copy(RepositoryRoot.TestData("sage100-export-sample.csv"), Path.Combine(inbox, "export-2025-06.csv"));
        await File.WriteAllBytesAsync(Path.Combine(inbox, "export-bad.csv"), BadExport());
        await File.WriteAllTextAsync(Path.Combine(inbox, "notes.txt"), "not an export");
        var key = await server.CreateOrganizationAsync("Sftp SAS");
        await SaveMappingAsync(key);

        var wrongKey = await server.PostAsync(Create, new { input = Input(ssh, inbox, "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") }, key);
        Assert.Contains("host key", wrongKey.UserErrors("createErpConnection").Single()!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var created = await server.PostAsync(Create, new { input = Input(ssh, inbox, ssh.HostKeyFingerprint) }, key);
        var connection = created.Data("createErpConnection", "erpConnection")!;
        Assert.Equal("***", connection["settings"]!["privateKey"]!.GetValue<string>());
        var run = await server.RunAsync(key, connection["id"]!.GetValue<string>(), RunFields);

        Assert.Equal(("SUCCEEDED", 300, 2), (run["state"]!.GetValue<string>(), run["piecesUpserted"]!.GetValue<int>(), run["rejected"]!.GetValue<int>()));
        Assert.StartsWith("export-bad.csv line 4, column Date pièce", run["rowErrors"]!["nodes"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(inbox, "processed", "export-2025-06.csv")));
        Assert.True(File.Exists(Path.Combine(inbox, "failed", "export-bad.csv")));
        Assert.True(File.Exists(Path.Combine(inbox, "notes.txt")));
        // The same file uploaded to another organization: the same open items, to the cent.
        var uploaded = await server.CreateOrganizationAsync("Sftp Upload SAS");
        var job = (await server.UploadSageSampleAsync(uploaded)).Data("startImport", "job", "id")!.GetValue<string>();
        await server.WaitForJobAsync(uploaded, job);
        Assert.Equal(await TotalAsync(uploaded), await TotalAsync(key));
        Assert.Equal(300, (await server.PostAsync("{ pieces { totalCount } }", key: key)).Data("pieces", "totalCount")!.GetValue<int>());
    }

    [Fact]
    public async Task AFolderConnection_KeepsItsFilesWhenToldTo_AndAnIncrementalRunReadsOnlyTheNewOnes()
    {
        using var folder = new TemporaryDatabase();
        var key = await server.CreateOrganizationAsync("Folder SAS");
        await SaveMappingAsync(key);
        File.Copy(RepositoryRoot.TestData("sage100-export-sample.csv"), Path.Combine(folder.Folder, "a.csv"));
        var created = await server.PostAsync(Create, new { input = new { pluginId = "file", name = "Drop folder", mode = "INCREMENTAL", settings = new { path = folder.Folder, mappingName = "sage", afterImport = "keep" } } }, key);
        var id = created.Data("createErpConnection", "erpConnection", "id")!.GetValue<string>();

        var first = await server.RunAsync(key, id, RunFields);
        var second = await server.RunAsync(key, id, RunFields);

        Assert.Equal(("SUCCEEDED", 300), (first["state"]!.GetValue<string>(), first["piecesRead"]!.GetValue<int>()));
        Assert.Equal(("SUCCEEDED", 0), (second["state"]!.GetValue<string>(), second["piecesRead"]!.GetValue<int>()));
        Assert.True(File.Exists(Path.Combine(folder.Folder, "a.csv")));
    }

    private static object Input(SshServer ssh, string inbox, string fingerprint) => new
    {
        pluginId = "file", name = "Sage over SFTP", mode = "FULL",
        settings = new { location = "sftp", path = inbox, mappingName = "sage", host = "127.0.0.1", port = ssh.Port, username = SshServer.User, privateKey = ssh.PrivateKey, hostKeyFingerprint = fingerprint },
    };

    // Rows that would be new, and one whose two dates do not parse: the file is refused whole.
    private static byte[] BadExport()
    {
        var lines = File.ReadAllLines(RepositoryRoot.TestData("sage100-export-sample.csv"), Encoding.Latin1).Take(3).ToArray();
        lines[1] = lines[1].Replace("AV25475816", "AV-NEW-1", StringComparison.Ordinal);
        lines = [.. lines, lines[2].Replace("FA24045304", "FA-NEW-2", StringComparison.Ordinal).Replace("/2024;", "/20x4;", StringComparison.Ordinal)];
        lines[2] = lines[2].Replace("FA24045304", "FA-NEW-3", StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(string.Join("\r\n", lines));
    }

    private async Task SaveMappingAsync(string key) =>
        await server.PostAsync("mutation($m: JSON!) { saveImportMapping(input: { name: \"sage\", mapping: $m }) { userErrors { message } } }", new { m = ImportUploads.SageMapping }, key);

    private async Task<string> TotalAsync(string key) =>
        (await server.PostAsync("{ reports { agedBalance { total { amount } } } }", key: key)).Data("reports", "agedBalance", "total", "amount")!.ToJsonString();
}
