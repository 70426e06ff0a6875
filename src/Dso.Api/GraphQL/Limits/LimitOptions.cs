using System.ComponentModel.DataAnnotations;

namespace Dso.Api.GraphQL.Limits;

/// <summary>Query depth and cost limits (configuration section <c>Dso:Limits</c>).</summary>
public sealed class LimitOptions
{
    public const string Section = "Dso:Limits";

    /// <summary>Off only to measure what the checks cost (the benchmark); never in production.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Deepest field nesting a document may have.</summary>
    [Range(1, 1000, ErrorMessage = "Dso:Limits:MaxDepth must be between 1 and 1000.")]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Points a caller's bucket holds: also the most one request may cost.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Dso:Limits:Budget must be positive.")]
    public int Budget { get; set; } = 1000;

    /// <summary>Points given back to each bucket per second.</summary>
    [Range(0.001, double.MaxValue, ErrorMessage = "Dso:Limits:RefillPerSecond must be positive.")]
    public double RefillPerSecond { get; set; } = 50;
}
