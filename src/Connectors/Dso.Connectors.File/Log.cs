using Microsoft.Extensions.Logging;

namespace Dso.Connectors.File;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} has {Problems} problem(s): moved to failed/, nothing of it imported.")]
    public static partial void LogFileRefused(this ILogger logger, string file, int problems);
}
