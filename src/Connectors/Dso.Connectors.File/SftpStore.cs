using Dso.Connectors.Abstractions;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Dso.Connectors.File;

/// <summary>
/// A remote directory over SFTP (SSH.NET). The server's host key must have the pinned SHA-256 fingerprint
/// (<c>SHA256:</c> and the base64 OpenSSH prints): any other key is refused before logging in. A downloaded file
/// lives in a temporary folder until the store is disposed.
/// </summary>
internal sealed class SftpStore : IFileStore
{
    private readonly SftpClient client;
    private readonly string directory;
    private readonly string local = Directory.CreateTempSubdirectory("dso-sftp-").FullName;
    private string? offered;

    private SftpStore(SftpClient client, string directory) => (this.client, this.directory) = (client, directory.TrimEnd('/'));

    public string Where => $"sftp://{client.ConnectionInfo.Host}:{client.ConnectionInfo.Port}{directory}";

    public static async Task<SftpStore> ConnectAsync(ConnectorSettings settings, CancellationToken cancellationToken)
    {
        var host = settings.Require("host");
        var username = settings.Require("username");
        var pinned = settings.Require("hostKeyFingerprint");
        if (!pinned.StartsWith("SHA256:", StringComparison.Ordinal))
        {
            throw new ConnectorException(ConnectorErrorKind.Configuration, "hostKeyFingerprint must be the server key's SHA-256 fingerprint, \"SHA256:...\" as ssh-keygen -l prints it.");
        }

        var methods = new List<AuthenticationMethod>();
        if (settings.GetString("privateKey") is { Length: > 0 } key)
        {
            using var text = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(key.Replace("\\n", "\n", StringComparison.Ordinal)));
            methods.Add(new PrivateKeyAuthenticationMethod(username, new PrivateKeyFile(text)));
        }

        if (settings.GetString("password") is { Length: > 0 } password)
        {
            methods.Add(new PasswordAuthenticationMethod(username, password));
        }

        if (methods.Count == 0)
        {
            throw new ConnectorException(ConnectorErrorKind.Configuration, "An SFTP connection needs a password or a privateKey.");
        }

        var client = new SftpClient(new ConnectionInfo(host, settings.GetInt32("port", 22), username, [.. methods]) { Timeout = TimeSpan.FromSeconds(30) });
        var store = new SftpStore(client, settings.Require("path"));
        client.HostKeyReceived += (_, e) =>
        {
            store.offered = "SHA256:" + e.FingerPrintSHA256;
            e.CanTrust = string.Equals(store.offered, pinned.TrimEnd('='), StringComparison.Ordinal);
        };
        try
        {
            await client.ConnectAsync(cancellationToken);
            return store;
        }
        catch (SshConnectionException) when (store.offered is { } offered && offered != pinned.TrimEnd('='))
        {
            await store.DisposeAsync();
            throw new ConnectorException(ConnectorErrorKind.Configuration, $"The SFTP server's host key is {offered}, not the pinned {pinned}: refused.");
        }
        catch (SshAuthenticationException e)
        {
            await store.DisposeAsync();
            throw new ConnectorException(ConnectorErrorKind.Authentication, $"The SFTP server refused {username}: {e.Message}", null, e);
        }
        catch (Exception e) when (e is SshException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await store.DisposeAsync();
            throw new ConnectorException(ConnectorErrorKind.Transient, $"The SFTP server {host} could not be reached: {e.Message}", null, e);
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var file in client.ListDirectoryAsync(directory, cancellationToken))
        {
            if (file.IsRegularFile)
            {
                names.Add(file.Name);
            }
        }

        return names;
    }

    public async Task<string> FetchAsync(string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(local, name);
        await using var copy = System.IO.File.Create(path);
        await client.DownloadFileAsync($"{directory}/{name}", copy, cancellationToken);
        return path;
    }

    public async Task MoveAsync(string name, string subdirectory, CancellationToken cancellationToken)
    {
        var target = $"{directory}/{subdirectory}";
        if (!await client.ExistsAsync(target, cancellationToken))
        {
            await client.CreateDirectoryAsync(target, cancellationToken);
        }

        if (await client.ExistsAsync($"{target}/{name}", cancellationToken))
        {
            await client.DeleteFileAsync($"{target}/{name}", cancellationToken);
        }

        await client.RenameFileAsync($"{directory}/{name}", $"{target}/{name}", cancellationToken);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken) => client.DeleteFileAsync($"{directory}/{name}", cancellationToken);

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        Directory.Delete(local, recursive: true);
        return ValueTask.CompletedTask;
    }
}
