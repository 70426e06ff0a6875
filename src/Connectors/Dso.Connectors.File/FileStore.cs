namespace Dso.Connectors.File;

/// <summary>Where the files are: a folder of this machine, or a remote directory over SFTP.</summary>
internal interface IFileStore : IAsyncDisposable
{
    /// <summary>What the store is, for messages.</summary>
    string Where { get; }

    /// <summary>The names of the files directly in the directory.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A local path to read the file from (the file itself for a folder, a downloaded copy for SFTP).</summary>
    Task<string> FetchAsync(string name, CancellationToken cancellationToken);

    /// <summary>Moves the file into a subdirectory (<c>processed</c>, <c>failed</c>), made if missing; a file of the same name there is replaced.</summary>
    Task MoveAsync(string name, string subdirectory, CancellationToken cancellationToken);

    Task DeleteAsync(string name, CancellationToken cancellationToken);
}

/// <summary>A folder of the host's machine.</summary>
internal sealed class FolderStore(string path) : IFileStore
{
    public string Where => $"the folder {path}";

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        Directory.Exists(path)
            ? Task.FromResult<IReadOnlyList<string>>([.. Directory.GetFiles(path).Select(Path.GetFileName).OfType<string>()])
            : throw new Abstractions.ConnectorException(Abstractions.ConnectorErrorKind.Configuration, $"The folder {path} does not exist.");

    public Task<string> FetchAsync(string name, CancellationToken cancellationToken) => Task.FromResult(Path.Combine(path, name));

    public Task MoveAsync(string name, string subdirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(path, subdirectory));
        System.IO.File.Move(Path.Combine(path, name), Path.Combine(path, subdirectory, name), overwrite: true);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        System.IO.File.Delete(Path.Combine(path, name));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
