using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dso.Api.Tests.Connections;

/// <summary>
/// Debian's OpenSSH server started by the test on a loopback port with a configuration, a host key and an
/// authorized key of its own (nothing of the machine's sshd is read or touched), serving SFTP to the current user.
/// </summary>
public sealed class SshServer : IDisposable
{
    private readonly Process process;

    private SshServer(string folder, int port, string fingerprint, string privateKey, Process process) =>
        (Folder, Port, HostKeyFingerprint, PrivateKey, this.process) = (folder, port, fingerprint, privateKey, process);

    public string Folder { get; }

    public int Port { get; }

    public string HostKeyFingerprint { get; }

    /// <summary>The user's private key, OpenSSH format.</summary>
    public string PrivateKey { get; }

    public static string User => Environment.UserName;

    public static async Task<SshServer> StartAsync(string folder)
    {
        var keys = Directory.CreateDirectory(Path.Combine(folder, "ssh")).FullName;
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "dso-test-host", "-f", Path.Combine(keys, "host"));
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "dso-test-user", "-f", Path.Combine(keys, "user"));
        File.Copy(Path.Combine(keys, "user.pub"), Path.Combine(keys, "authorized_keys"));
        // "256 SHA256:... dso-test-host (ED25519)"
        var fingerprint = (await RunAsync("ssh-keygen", "-l", "-E", "sha256", "-f", Path.Combine(keys, "host.pub"))).Split(' ')[1];
        var port = Processes.ApiProcess.FreePort();
        var config = Path.Combine(keys, "sshd_config");
        await File.WriteAllLinesAsync(config,
        [
            $"Port {port}", "ListenAddress 127.0.0.1", $"HostKey {keys}/host", $"PidFile {keys}/sshd.pid", $"AuthorizedKeysFile {keys}/authorized_keys",
            "PubkeyAuthentication yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no",
            "PermitRootLogin prohibit-password", $"AllowUsers {User}", "Subsystem sftp internal-sftp", "LogLevel ERROR",
        ]);
        // Privilege separation needs its empty directory; the package's service would make it.
        Directory.CreateDirectory("/run/sshd");
        var process = Process.Start(new ProcessStartInfo("/usr/sbin/sshd", ["-D", "-e", "-f", config]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var server = new SshServer(folder, port, fingerprint, await File.ReadAllTextAsync(Path.Combine(keys, "user")), process);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (!process.HasExited)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"sshd did not start: {await process.StandardError.ReadToEndAsync()}");
    }

    public void Dispose()
    {
        process.Kill();
        process.Dispose();
    }

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} failed: {await process.StandardError.ReadToEndAsync()}");
    }
}
