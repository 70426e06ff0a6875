namespace Dso.Domain;

/// <summary>The domain's settings; the host binds and validates them at start (each names its setting).</summary>
public sealed class DomainOptions
{
    /// <summary><c>Dso:Imports:MaxFileBytes</c>: the largest uploaded file.</summary>
    public long MaxImportFileBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary><c>Dso:Imports:MaxDecompressedBytes</c> and <c>Dso:Imports:MaxCompressionRatio</c>: what an XLSX upload may expand to.</summary>
    public Imports.XlsxLimits Xlsx { get; set; } = Imports.XlsxLimits.Default;

    /// <summary><c>Dso:Work:LeaseDuration</c>: how long a claim on background work lasts without renewal.</summary>
    public TimeSpan LeaseDuration { get; set; } = Work.Worker.DefaultLeaseDuration;

    /// <summary><c>Dso:Events:Retention</c>: how long handled events are kept before they are pruned.</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary><c>Dso:Portal:LinkLifetime</c>: how long the customer-page link of a message works.</summary>
    public TimeSpan PortalLinkLifetime { get; set; } = TimeSpan.FromDays(60);
}
