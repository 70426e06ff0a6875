using System.ComponentModel.DataAnnotations;

namespace Dso.Api.Plugins;

/// <summary>Where plug-ins are found and how long the host waits for them (section <c>Dso:Plugins</c>).</summary>
public sealed class PluginOptions
{
    public const string Section = "Dso:Plugins";

    /// <summary><c>Dso:Plugins:Path</c>: the folder holding one folder per plug-in (relative to the working directory).</summary>
    [Required]
    public string Path { get; set; } = "plugins";

    /// <summary><c>Dso:Plugins:CallTimeout</c>: how long a check, or the wait for a read's next batch, may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>Dso:Plugins:MaxAttempts</c>: how many times a read failing with a transient error is tried from its last cursor.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// <c>Dso:Plugins:MaxMemoryGrowthBytes</c>: how much the host's managed memory may grow while it waits for a
    /// plug-in's next batch before the read is stopped (a plug-in hoarding records instead of yielding them).
    /// </summary>
    [Range(16L << 20, 64L << 30)]
    public long MaxMemoryGrowthBytes { get; set; } = 1L << 30;

    /// <summary><c>Dso:Plugins:MaxBatchRecords</c>: the most records one batch may hold (a plug-in sending more fails its run).</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchRecords { get; set; } = 50_000;
}
