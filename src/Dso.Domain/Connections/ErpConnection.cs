using Dso.Domain.Common;

namespace Dso.Domain.Connections;

/// <summary>
/// A configured connector plug-in: its settings (plain values as JSON; the secret ones sealed by the host, which
/// alone can read them), its schedule and the mode its scheduled runs read in. The cursor is where the last finished
/// read ended: an INCREMENTAL run starts from it.
/// </summary>
public sealed class ErpConnection : ITenantOwned, IEntity
{
    private ErpConnection()
    {
    }

    public ErpConnection(long organizationId, string pluginId, DateTimeOffset createdAt)
    {
        (OrganizationId, PluginId, CreatedAt) = (organizationId, pluginId, createdAt);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public string PluginId { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The settings that are not secret, as a JSON object.</summary>
    public string SettingsJson { get; private set; } = "{}";

    /// <summary>The secret settings as a JSON object, sealed by the host (ASP.NET Core Data Protection); null when none is set.</summary>
    public string? SealedSecrets { get; private set; }

    public string Schedule { get; private set; } = SyncSchedule.Default;

    public SyncMode Mode { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>When the schedule next queues a run; null when disabled.</summary>
    public DateTimeOffset? NextRunAt { get; private set; }

    /// <summary>Where the last finished read ended, as the plug-in wrote it.</summary>
    public string? Cursor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The pieces this connection writes are of this source: a FULL read settles those it no longer lists.</summary>
    public string Source => $"erp:{Id}";

    public void Configure(string name, string settingsJson, string? sealedSecrets, string schedule, SyncMode mode, bool enabled) =>
        (Name, SettingsJson, SealedSecrets, Schedule, Mode, Enabled) = (name, settingsJson, sealedSecrets, schedule, mode, enabled);

    /// <summary>A plug-in rotated a credential: the new sealed secrets replace the old at once.</summary>
    public void Reseal(string sealedSecrets) => SealedSecrets = sealedSecrets;

    public void PlanNextRun(string timeZone, DateTimeOffset now) => NextRunAt = Enabled ? SyncSchedule.Next(Schedule, timeZone, now) : null;

    public void Finish(string? cursor) => Cursor = cursor;
}
