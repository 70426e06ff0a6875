namespace Dso.Domain.Actions;

/// <summary>Where an action comes from.</summary>
public enum ActionKind
{
    Scenario,
    Specific,
    FollowUp,
}
