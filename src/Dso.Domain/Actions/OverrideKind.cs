namespace Dso.Domain.Actions;

/// <summary>What a person did to the plan: skip or postpone an action, pause a client's dunning or resume it.</summary>
public enum OverrideKind
{
    Skip,
    Postpone,
    Pause,
    Resume,
}
