using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>The shape of every mutation payload: the result under its contract name, and the user errors.</summary>
public abstract class PayloadGraphType<TResultGraphType, T> : ObjectGraphType<Payload<T>>
    where TResultGraphType : IGraphType
{
    /// <param name="name">The payload type's name.</param>
    /// <param name="field">The result field's name.</param>
    /// <param name="whenFailed">What the result field holds when the mutation failed (an empty list for list results).</param>
    protected PayloadGraphType(string name, string field, object? whenFailed = null)
    {
        Name = name;
        Field<TResultGraphType>(field).Resolve(ctx => (object?)ctx.Source.Result ?? whenFailed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}
