using System.Diagnostics;
using System.Text;

namespace Dso.Api.Tests.Processes;

/// <summary>
/// The API's own binary run as a real child process (<c>dotnet Dso.Api.dll ...</c>), its output kept line by line,
/// to be stopped the hard way: <see cref="Kill"/> sends SIGKILL, as a crash or an OOM killer would.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    private ChildProcess(Process process) => this.process = process;

    public static string Binary => Path.Combine(AppContext.BaseDirectory, "Dso.Api.dll");

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>The most resident memory it has held so far (Linux's VmHWM), in bytes.</summary>
    public long PeakMemoryBytes =>
        File.ReadLines($"/proc/{process.Id}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024).Single();

    /// <summary>Everything it wrote so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    public static ChildProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        info.ArgumentList.Add(Binary);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var child = new ChildProcess(new Process { StartInfo = info });
        child.process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child.process.Start();
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until the output holds the text (or the process ends, or the time runs out).</summary>
    public async Task<bool> WaitForAsync(string text, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (process.HasExited)
            {
                return Output.Contains(text, StringComparison.Ordinal);
            }

            await Task.Delay(20);
        }

        return false;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    /// <summary>SIGTERM: the graceful stop a service manager asks for.</summary>
    public void Terminate()
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (gate)
            {
                output.AppendLine(line);
            }
        }
    }
}
