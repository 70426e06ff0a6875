namespace Dso.Domain.Actions;

/// <summary>The life of an action.</summary>
public enum ActionState
{
    Planned,
    Done,
    Skipped,
    Cancelled,
    Failed,
}
