namespace Dso.Api.Exports;

/// <summary>Settings of report download links (<c>Dso:Exports</c>).</summary>
public sealed class ExportOptions
{
    /// <summary>Base64 key (32 bytes or more) signing the links; unset, each process draws its own, so set it when several instances serve the API.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
