using System.Text.Json;
using Dso.Connectors.Abstractions;
using Microsoft.Extensions.Logging;

namespace Dso.Connectors.Shared;

/// <summary>
/// Where a read of an ERP stands, as its batches' cursor (JSON, versioned): the stage being read (an entity, or an
/// entity of one company) and the key of the last record delivered in it (a resumed read goes on after that key,
/// so records added or closed meanwhile shift nothing); the day the read began (where the next incremental read
/// starts) and, for an incremental read, the day it reads changes from. A finished read's stage is <see cref="Done"/>.
/// </summary>
internal sealed record ReadCursor(string Stage, string? After, DateOnly Started, DateOnly? Since)
{
    public const string Done = "done";
    private const int FormatVersion = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Where a read from <paramref name="cursor"/> starts on <paramref name="today"/>: at the beginning without one (or
    /// with one not of this format, logged); after a finished read, a new read, of the changes since that one began
    /// when incremental; else where the cursor stands. A FULL read never reads changes only.
    /// </summary>
    public static ReadCursor Start(string? cursor, string firstStage, SyncMode mode, DateOnly today, ILogger logger)
    {
        var incremental = mode == SyncMode.Incremental;
        Stored? stored = null;
        try
        {
            stored = cursor is null ? null : JsonSerializer.Deserialize<Stored>(cursor, Json);
        }
        catch (JsonException)
        {
        }

        if (stored is null || stored.V != FormatVersion || ErpValues.Day(stored.Started) is not { } started)
        {
            if (cursor is not null)
            {
                logger.LogCursorIgnored(cursor);
            }

            return new ReadCursor(firstStage, null, today, null);
        }

        return stored.Stage == Done
            ? new ReadCursor(firstStage, null, today, incremental ? started : null)
            : new ReadCursor(stored.Stage, stored.After, started, incremental ? ErpValues.Day(stored.Since) : null);
    }

    /// <summary>The cursor of the read once it has finished.</summary>
    public ReadCursor Finished => this with { Stage = Done, After = null };

    public override string ToString() => JsonSerializer.Serialize(new Stored(FormatVersion, Stage, After, ErpValues.Day(Started), Since is { } since ? ErpValues.Day(since) : null), Json);

    private sealed record Stored(int V, string Stage, string? After, string Started, string? Since);
}

internal static partial class ReadCursorLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The cursor '{Cursor}' is not one of this plug-in's: the read starts over.")]
    public static partial void LogCursorIgnored(this ILogger logger, string cursor);
}
