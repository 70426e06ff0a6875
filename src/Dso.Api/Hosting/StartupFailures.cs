using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Dso.Api.Hosting;

/// <summary>
/// What stops the API from starting for a reason its operator can fix (an address in use, a setting out of range, a
/// database that cannot be opened), found before the host starts and said in one line, without a stack trace.
/// </summary>
public static partial class StartupFailures
{
    /// <summary>The one line saying what is wrong, or null when the API may start.</summary>
    public static string? Check(WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            return Describe(e);
        }

        return Urls(app.Configuration).Select(TakenAddress).FirstOrDefault(a => a is not null) is { } taken
            ? $"The address {taken} is already in use: stop what listens there, or choose another address with --urls (e.g. --urls http://localhost:5081)."
            : null;
    }

    /// <summary>The one line for a failure of the start-up work, or null for a failure that is a bug (shown in full).</summary>
    public static string? Describe(Exception exception, IConfiguration? configuration = null) => exception switch
    {
        OptionsValidationException e => string.Join(" ", e.Failures.Select(f => ErrorOf().Match(f) is { Success: true } m ? m.Groups[1].Value : f)),
        SqliteException e => $"The database{DataSource(configuration)} cannot be opened: {e.Message.TrimEnd('.')}. Check ConnectionStrings:Dso.",
        UnauthorizedAccessException or IOException => $"The database{DataSource(configuration)} cannot be created: {exception.Message.TrimEnd('.')}. Check ConnectionStrings:Dso.",
        InvalidOperationException { Message: var message } when message.StartsWith("Dso:", StringComparison.Ordinal) => message,
        _ => null,
    };

    private static string DataSource(IConfiguration? configuration) =>
        configuration?.GetConnectionString("Dso") is { } connection ? $" '{new SqliteConnectionStringBuilder(connection).DataSource}'" : "";

    private static string[] Urls(IConfiguration configuration) =>
        (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? DsoApp.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // The address a URL would listen on, when something already listens there.
    private static string? TakenAddress(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        var ip = uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _) ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed : null;
        if (ip is null)
        {
            return null;
        }

        using var probe = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (OperatingSystem.IsLinux())
        {
            // SO_REUSEADDR alone, as Kestrel: connections of an earlier run left in TIME_WAIT do not count.
            probe.SetRawSocketOption(1, 2, BitConverter.GetBytes(1));
        }

        try
        {
            probe.Bind(new IPEndPoint(ip, uri.Port));
            probe.Listen();
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return $"{uri.Scheme}://{uri.Authority}";
        }
    }

    [GeneratedRegex("with the error: '(.*)'\\.$")]
    private static partial Regex ErrorOf();
}
