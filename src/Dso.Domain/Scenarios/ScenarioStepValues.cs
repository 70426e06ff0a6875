namespace Dso.Domain.Scenarios;

/// <summary>The values of a scenario step.</summary>
public sealed record ScenarioStepValues(int OffsetDays, Channel Channel, long? TemplateId, decimal? MinOverdueAmount, bool AutoSend);
