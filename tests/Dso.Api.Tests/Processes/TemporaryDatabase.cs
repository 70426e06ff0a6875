namespace Dso.Api.Tests.Processes;

/// <summary>A SQLite file for processes to share, removed with its folder afterwards.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("dso-processes-").FullName;

    public string Path => System.IO.Path.Combine(Folder, "dso.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
