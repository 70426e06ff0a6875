using Dso.Api.Tests.Processes;
using Microsoft.Data.Sqlite;

namespace Dso.Api.Tests.Hosting;

/// <summary>Starting the API as a real process while another holds the database.</summary>
public class StartupProcessTests
{
    [Fact]
    public async Task ADatabaseBusyWithAnotherWriter_IsWaitedForAndLogged_ThenTheApiServes()
    {
        using var database = new TemporaryDatabase();
        // Another process writing for a while (as `admin import` does in its write pass) while the API must migrate.
        await using var writer = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        await writer.OpenAsync();
        await using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "CREATE TABLE Held (Id INTEGER); BEGIN IMMEDIATE; INSERT INTO Held VALUES (1);";
            await begin.ExecuteNonQueryAsync();
        }

        var starting = Task.Run(() => ApiProcess.StartAsync(database.Path));
        await Task.Delay(TimeSpan.FromSeconds(8));
        await using (var commit = writer.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }

        using var api = await starting;
        Assert.Contains("The database has kept start-up waiting", api.Process.Output, StringComparison.Ordinal);
        Assert.False(api.Process.HasExited);
        Assert.NotNull((await api.DataAsync("{ organization { name } }"))["organization"]);
    }

    [Fact]
    public async Task ATakenPort_ABadSetting_OrAFileThatIsNotADatabase_StopTheStartWithOneLine_AndExitCode1()
    {
        using var database = new TemporaryDatabase();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var taken = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        var notADatabase = Path.Combine(database.Folder, "notes.db");
        await File.WriteAllTextAsync(notADatabase, string.Concat(Enumerable.Repeat("not a database; ", 20)));
        string[] free = ["--urls", "http://127.0.0.1:0"];

        Assert.Equal($"The address {taken} is already in use: stop what listens there, or choose another address with --urls (e.g. --urls http://localhost:5081).",
            await RefusalAsync("--urls", taken, "--ConnectionStrings:Dso", $"Data Source={database.Path}"));
        Assert.Equal("Dso:Limits:MaxDepth must be between 1 and 1000.",
            await RefusalAsync([.. free, "--ConnectionStrings:Dso", $"Data Source={database.Path}", "--Dso:Limits:MaxDepth", "0"]));
        Assert.Equal($"The database '{notADatabase}' cannot be opened: SQLite Error 26: 'file is not a database'. Check ConnectionStrings:Dso.",
            await RefusalAsync([.. free, "--ConnectionStrings:Dso", $"Data Source={notADatabase}"]));
    }

    // What a start that must fail said last (a slow machine may log that it waits before), with exit code 1 and no stack trace.
    private static async Task<string> RefusalAsync(params string[] args)
    {
        using var process = ChildProcess.Start(args);
        Assert.Equal(1, await process.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        return lines[^1].Trim();
    }
}
