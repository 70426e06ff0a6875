namespace Dso.Domain.Common;

/// <summary>Machine codes of the errors a caller can correct (the API's <c>UserErrorCode</c>).</summary>
public enum UserErrorCode
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    LimitExceeded,
}
