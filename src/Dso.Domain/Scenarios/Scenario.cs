using Dso.Domain.Common;

namespace Dso.Domain.Scenarios;

/// <summary>A dunning plan: steps by offset from the due date. Editing it makes a new version.</summary>
public sealed class Scenario : ITenantOwned
{
    private readonly List<ScenarioStep> steps = [];

    private Scenario()
    {
    }

    public Scenario(long organizationId, string name)
    {
        OrganizationId = organizationId;
        Name = name;
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Followed by every client without a scenario of its own; one per organization.</summary>
    public bool IsDefault { get; private set; }

    public bool Archived { get; private set; }

    /// <summary>Pieces owing less than this stay out of the scenario (domain-rules §4).</summary>
    public decimal Tolerance { get; private set; }

    /// <summary>Incremented on every change of steps, so a run never re-sends a step already passed.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>Steps in offset order.</summary>
    public IReadOnlyList<ScenarioStep> Steps => steps;

    public void Rename(string name) => Name = name;

    public void SetTolerance(decimal tolerance) => Tolerance = tolerance;

    public void SetDefault(bool isDefault) => IsDefault = isDefault;

    public void ReplaceSteps(IEnumerable<ScenarioStepValues> values, bool isNew)
    {
        steps.Clear();
        steps.AddRange(values.OrderBy(v => v.OffsetDays).Select(v => new ScenarioStep(v)));
        if (!isNew)
        {
            Version++;
        }
    }

    /// <summary>Puts loaded steps back in offset order (the database returns them in any order).</summary>
    internal void SortSteps() => steps.Sort((a, b) => a.OffsetDays.CompareTo(b.OffsetDays) is var byOffset and not 0 ? byOffset : a.Id.CompareTo(b.Id));

    public void Archive()
    {
        Archived = true;
        IsDefault = false;
    }
}
