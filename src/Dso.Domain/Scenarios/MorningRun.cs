namespace Dso.Domain.Scenarios;

/// <summary>What the morning run did for one organization (or the error that stopped it).</summary>
public sealed record MorningRun(long OrganizationId, DateOnly Date, int PlannedActions, int SkippedSteps, int BrokenPromises, int ClientAlerts = 0, Exception? Failure = null);
