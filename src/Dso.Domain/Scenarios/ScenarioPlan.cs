using Dso.Domain.Actions;

namespace Dso.Domain.Scenarios;

/// <summary>One action a scenario run creates (or records as skipped), as the planner decides it.</summary>
public sealed record ScenarioPlan(
    long ClientId,
    long LeaderPieceId,
    long ScenarioId,
    int ScenarioVersion,
    int StepIndex,
    int StepOffset,
    Channel Channel,
    long? TemplateId,
    DateOnly Date,
    bool Skipped,
    bool Automatic,
    IReadOnlyList<long> PieceIds);
