namespace Dso.Domain.Scenarios;

/// <summary>A scenario as a caller sends it; null members of an update leave the value as it is.</summary>
public sealed record ScenarioInput(string? Name, bool? IsDefault, IReadOnlyList<ScenarioStepValues>? Steps, decimal? Tolerance = null);
