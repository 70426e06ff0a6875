using Dso.Domain.Common;

namespace Dso.Api.GraphQL.Common;

/// <summary>What a mutation returns: its result (null on failure) and the user errors.</summary>
public sealed record Payload<T>(T? Result, IReadOnlyList<UserError> UserErrors)
{
    public Payload(Outcome<T> outcome)
        : this(outcome.Value, outcome.Errors)
    {
    }
}
