namespace Dso.Domain.Common;

/// <summary>Builds <see cref="Outcome{T}"/> values.</summary>
public static class Outcomes
{
    public static Outcome<T> Success<T>(T value) => new(value, []);

    public static Outcome<T> Failure<T>(IReadOnlyList<UserError> errors) => new(default, errors);

    public static Outcome<T> Failure<T>(UserError error) => new(default, [error]);
}
