namespace Dso.Domain.Common;

/// <summary>Bad input, reported against the path of the input field it concerns.</summary>
public sealed record UserError(IReadOnlyList<string> Field, string Message, UserErrorCode Code)
{
    public static UserError Invalid(string message, params string[] field) => new(field, message, UserErrorCode.Invalid);

    public static UserError NotFound(string message, params string[] field) => new(field, message, UserErrorCode.NotFound);

    public static UserError Conflict(string message, params string[] field) => new(field, message, UserErrorCode.Conflict);
}
