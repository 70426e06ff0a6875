namespace Dso.Domain.Common;

/// <summary>The result of a use case: its value when it succeeded, else the user errors (and nothing changed).</summary>
public sealed record Outcome<T>(T? Value, IReadOnlyList<UserError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
