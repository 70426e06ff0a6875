using System.Diagnostics;
using MimeKit;

namespace Dso.Api.Tests.Messaging;

/// <summary>
/// A real SMTP server on a loopback port (<c>smtp_sink.py</c> on Debian's aiosmtpd): what it accepts is read back as
/// MIME messages, with the envelope's recipients (<c>X-RcptTo</c>). It refuses recipients starting with "refused"
/// with a 550, and with <c>stall</c> never answers the first message's data.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly Process process;

    private SmtpSink(Process process, int port, string maildir) => (this.process, Port, Maildir) = (process, port, maildir);

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>Starts a sink on <paramref name="port"/> keeping what it receives in a maildir under <paramref name="folder"/>.</summary>
    public static async Task<SmtpSink> StartAsync(int port, string folder, bool stall = false)
    {
        var maildir = Path.Combine(folder, $"maildir-{port}-{Guid.NewGuid():N}");
        var script = Path.Combine(AppContext.BaseDirectory, "Messaging", "smtp_sink.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), maildir }.Concat(stall ? ["--stall"] : []))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "ready")
        {
            throw new InvalidOperationException($"The SMTP sink did not start: {await process.StandardError.ReadToEndAsync()}");
        }

        return new SmtpSink(process, port, maildir);
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        !Directory.Exists(Path.Combine(Maildir, "new")) ? []
        : [.. Directory.GetFiles(Path.Combine(Maildir, "new")).Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f))).OrderBy(f => f.Time).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.File))];

    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Messages().Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return Messages();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
