namespace Dso.Domain.Common;

/// <summary>Machine codes of the errors a caller can correct (the API's <c>UserErrorCode</c>).</summary>
public enum UserErrorCode
{
    Invalid,
    NotFound,
    Conflict,
    /// <summary>In the contract; a role's refusal is a top-level FORBIDDEN error (403) before anything runs.</summary>
    Forbidden,
    LimitExceeded,
}
