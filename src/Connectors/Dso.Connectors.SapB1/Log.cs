using Microsoft.Extensions.Logging;

namespace Dso.Connectors.SapB1;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "The Service Layer session timed out: logging in again, once.")]
    public static partial void LogSessionExpired(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The Service Layer logout failed: {Reason}")]
    public static partial void LogLogoutFailed(this ILogger logger, string reason);
}
