using Dso.Domain.Common;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>
/// The one shape of every mutation: an <c>input</c> argument, the policy of <see cref="Auth.Policies"/> a caller
/// needs (checked before anything runs, by <see cref="Authorization.AuthorizationRule"/>), one use case whose
/// saved changes go to the audit trail, and a payload with the result and the user errors.
/// </summary>
public static class MutationFields
{
    public static void Add<TInput, TPayload, T>(
        ObjectGraphType mutation,
        string name,
        string description,
        string policy,
        Func<IResolveFieldContext, IDictionary<string, object?>, Task<Outcome<T>>> run)
        where TInput : IInputObjectGraphType
        where TPayload : IObjectGraphType =>
        mutation.Field<NonNullGraphType<TPayload>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input")
            .AuthorizeWithPolicy(policy)
            .ResolveAsync(async ctx =>
            {
                // From here on, every change saved is in the audit trail under this mutation and this user.
                ctx.Service<Tenant>().Act(ctx.Principal().UserId, name);
                return new Payload<T>(await run(ctx, ctx.GetArgument<Dictionary<string, object?>>("input")));
            });

    /// <summary>A mutation whose arguments are the <c>id</c> of the entity it acts on (of <paramref name="type"/>), and any others <paramref name="arguments"/> adds.</summary>
    public static void AddById<TPayload, T>(ObjectGraphType mutation, string type, string name, string description, string policy,
        Func<IResolveFieldContext, long, Task<Outcome<T>>> run, Action<FieldBuilder<object?, object>>? arguments = null)
        where TPayload : IObjectGraphType
    {
        var field = mutation.Field<NonNullGraphType<TPayload>, object>(name).Description(description).Argument<NonNullGraphType<IdGraphType>>("id");
        arguments?.Invoke(field);
        field.AuthorizeWithPolicy(policy).ResolveAsync(async ctx =>
        {
            ctx.Service<Tenant>().Act(ctx.Principal().UserId, name);
            var input = new Dictionary<string, object?> { ["id"] = ctx.GetArgument<string>("id") };
            return new Payload<T>(await WithId(type, input, id => run(ctx, id)));
        });
    }

    /// <summary>Runs a use case on the entity an ID input (<c>id</c> unless named) names; an ID of another type or organization is NOT_FOUND.</summary>
    public static Task<Outcome<T>> WithId<T>(string type, IDictionary<string, object?> input, Func<long, Task<Outcome<T>>> run, string field = "id") =>
        GlobalId.DecodeAs(type, input.Value<string>(field)) is { } id
            ? run(id)
            : Task.FromResult(Outcomes.Failure<T>(UserError.NotFound($"No such {type.ToLowerInvariant()}.", field)));
}
