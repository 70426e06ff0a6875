namespace Dso.Domain.Connections;

/// <summary>How a sync reads: everything open now (what it no longer lists is settled at the end), or the changes since the cursor.</summary>
public enum SyncMode
{
    Full,
    Incremental,
}

/// <summary>What started a sync run.</summary>
public enum SyncTrigger
{
    Schedule,
    Manual,

    /// <summary>A run whose process died, continued from its last committed cursor.</summary>
    Resume,
}
