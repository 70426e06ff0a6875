namespace Dso.Api.Hosting;

/// <summary>Start-up settings (section <c>Dso</c>): bootstrap key and demo data.</summary>
public sealed class DsoOptions
{
    /// <summary><c>Dso:Auth:BootstrapApiKey</c>: an ADMIN key that must exist (created with a first organization if needed).</summary>
    public string? BootstrapApiKey { get; set; }

    /// <summary><c>Dso:Demo:Seed</c> (or <c>--seed-demo</c>): load the demo organization on start.</summary>
    public bool SeedDemo { get; set; }
}
