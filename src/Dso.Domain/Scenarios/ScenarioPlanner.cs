namespace Dso.Domain.Scenarios;

/// <summary>
/// The one planning function of the scenario engine (domain-rules §4), with no I/O: given what the
/// database says on a run date, which scenario actions to create. The run and the preview both call it.
/// </summary>
public static class ScenarioPlanner
{
    public static List<ScenarioPlan> Plan(DateOnly run, ScenarioInputs inputs)
    {
        var plans = new List<ScenarioPlan>();
        foreach (var (clientId, assigned) in inputs.Clients)
        {
            var scenario = assigned is { } id && inputs.Scenarios.TryGetValue(id, out var own) ? own
                : inputs.DefaultScenarioId is { } fallback && inputs.Scenarios.TryGetValue(fallback, out var standard) ? standard
                : null;
            if (scenario is null || !inputs.Pieces.TryGetValue(clientId, out var pieces))
            {
                continue;
            }

            var eligible = pieces.Where(p => p.Open >= scenario.Tolerance).ToList();
            if (eligible.Count == 0)
            {
                continue;
            }

            // The leader: oldest due, then largest open amount, then number (read only for such ties).
            var first = eligible.MinBy(p => (p.DueDate, -p.Open))!;
            var tied = eligible.Where(p => p.DueDate == first.DueDate && p.Open == first.Open).ToList();
            var leader = tied.Count == 1 ? first : tied.OrderBy(inputs.Numbers, StringComparer.Ordinal).First();
            var passed = inputs.Progress.TryGetValue((clientId, leader.Id, scenario.Id), out var offset) ? offset : int.MinValue;
            var due = scenario.Steps.Select((step, index) => (Step: step, Index: index))
                .Where(s => s.Step.OffsetDays > passed && leader.DueDate.AddDays(s.Step.OffsetDays) <= run)
                .ToList();
            if (due.Count == 0)
            {
                continue;
            }

            var latest = due.Max(s => s.Step.OffsetDays);
            var listed = eligible.Where(p => p.Id == leader.Id || p.DueDate < run || (latest < 0 && p.DueDate <= leader.DueDate)).ToList();
            var owed = listed.Sum(p => p.Open);
            foreach (var (step, index) in due)
            {
                var date = leader.DueDate.AddDays(step.OffsetDays);
                var skipped = step.OffsetDays < latest || (step.MinOverdueAmount is { } minimum && owed < minimum);
                if (!skipped && inputs.MinDaysBetweenContacts > 0 && inputs.LastContacts.TryGetValue(clientId, out var last) &&
                    date < last.AddDays(inputs.MinDaysBetweenContacts))
                {
                    date = last.AddDays(inputs.MinDaysBetweenContacts);
                }

                plans.Add(new ScenarioPlan(clientId, leader.Id, scenario.Id, scenario.Version, index, step.OffsetDays, step.Channel, step.TemplateId, date, skipped,
                    Automatic: !skipped && step.AutoSend && date >= run.AddDays(-inputs.StaleDays),
                    skipped ? [] : listed.Select(p => p.Id).ToList()));
            }
        }

        return plans;
    }
}

/// <summary>What the planner reads: clients with their scenario, eligible pieces per client, each cycle's progress and settings.</summary>
public sealed record ScenarioInputs(
    IReadOnlyList<(long ClientId, long? ScenarioId)> Clients,
    IReadOnlyDictionary<long, Scenario> Scenarios,
    long? DefaultScenarioId,
    IReadOnlyDictionary<long, List<EligiblePiece>> Pieces,
    IReadOnlyDictionary<(long ClientId, long LeaderId, long ScenarioId), int> Progress,
    IReadOnlyDictionary<long, DateOnly> LastContacts,
    int StaleDays,
    int MinDaysBetweenContacts,
    Func<EligiblePiece, string> Numbers);

/// <summary>An open debit piece still in the scenario (no promise, dispute, litigation or open action of a person).</summary>
public sealed record EligiblePiece(long Id, long ClientId, DateOnly DueDate, decimal Open);
