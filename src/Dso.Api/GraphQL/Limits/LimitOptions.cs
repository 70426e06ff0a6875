using System.ComponentModel.DataAnnotations;

namespace Dso.Api.GraphQL.Limits;

/// <summary>Document size, depth and cost limits (configuration section <c>Dso:Limits</c>).</summary>
public sealed class LimitOptions
{
    public const string Section = "Dso:Limits";

    /// <summary>Off only to measure what the checks cost (the benchmark); never in production.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Deepest field nesting a document may have.</summary>
    [Range(1, 1000, ErrorMessage = "Dso:Limits:MaxDepth must be between 1 and 1000.")]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Most tokens (names, punctuation, values) a document may have; counted before it is parsed.</summary>
    [Range(100, 1_000_000, ErrorMessage = "Dso:Limits:MaxTokens must be between 100 and 1000000.")]
    public int MaxTokens { get; set; } = 15_000;

    /// <summary>Most field selections a document may have (its fragments once each), and an operation once its fragments are expanded.</summary>
    [Range(10, 100_000, ErrorMessage = "Dso:Limits:MaxFields must be between 10 and 100000.")]
    public int MaxFields { get; set; } = 1_500;

    /// <summary>Most aliases a document may have.</summary>
    [Range(0, 100_000, ErrorMessage = "Dso:Limits:MaxAliases must be between 0 and 100000.")]
    public int MaxAliases { get; set; } = 200;

    /// <summary>The most one request may cost.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Dso:Limits:MaxCost must be positive.")]
    public int MaxCost { get; set; } = 1000;

    /// <summary>Points a caller's bucket holds (ten pages of 100 pieces with their client and status: 10 x 202).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Dso:Limits:Budget must be positive.")]
    public int Budget { get; set; } = 2500;

    /// <summary>Points given back to each bucket per second (such a page every two seconds, sustained).</summary>
    [Range(0.001, double.MaxValue, ErrorMessage = "Dso:Limits:RefillPerSecond must be positive.")]
    public double RefillPerSecond { get; set; } = 125;
}
