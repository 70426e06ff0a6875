namespace Dso.Domain.Common;

/// <summary>
/// An expected failure of the domain with a machine code (<c>EXCHANGE_RATE_MISSING</c>, <c>INVALID_CURSOR</c>...):
/// the API maps every one to a GraphQL error with that code and its message, in one place.
/// </summary>
public abstract class DsoException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
