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
    public async Task ABadSetting_StopsTheStart_WithAMessageNamingIt()
    {
        using var database = new TemporaryDatabase();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ApiProcess.StartAsync(database.Path, "--Dso:Limits:MaxDepth", "0"));

        Assert.Contains("Dso:Limits:MaxDepth must be between 1 and 1000.", refused.Message, StringComparison.Ordinal);
    }
}
