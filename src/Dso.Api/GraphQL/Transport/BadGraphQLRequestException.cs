namespace Dso.Api.GraphQL.Transport;

/// <summary>A request that is not a well-formed GraphQL-over-HTTP request: answered with its status, nothing executed.</summary>
public sealed class BadGraphQLRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
