namespace Dso.Domain.Scenarios;

/// <summary>How a dunning step reaches the client (or a person in the team).</summary>
public enum Channel
{
    Email,
    Sms,
    Letter,
    Call,
    Task,
    InternalEmail,
}
