using Dso.Api.GraphQL.DataLoading;
using Dso.Domain.Common;
using Dso.Domain.Users;
using GraphQL;

namespace Dso.Api.GraphQL.Common;

/// <summary>Short ways for resolvers to reach the request's services.</summary>
public static class ResolveContextExtensions
{
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull => context.RequestServices!.GetRequiredService<T>();

    public static Loaders Loaders(this IResolveFieldContext context) => context.Service<Loaders>();

    /// <summary>The authenticated caller (the transport rejects anonymous data requests before execution).</summary>
    public static Principal Principal(this IResolveFieldContext context) =>
        context.Service<RequestPrincipal>().Value ?? throw new ExecutionError("Authentication required.") { Code = "UNAUTHENTICATED" };

    /// <summary>A list argument of input objects, as dictionaries.</summary>
    public static IReadOnlyList<IDictionary<string, object?>> Items(this IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value) && value is IEnumerable<object?> list
            ? list.OfType<IDictionary<string, object?>>().ToList()
            : [];

    /// <summary>A list argument of scalars.</summary>
    public static IReadOnlyList<T?> Items<T>(this IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value) && value is IEnumerable<object?> list ? list.Select(v => v is T typed ? typed : default).ToList() : [];

    public static T? Value<T>(this IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>The value of a query's use case, or its first user error (whose message names the argument) as an INVALID_ARGUMENT error.</summary>
    public static T OrThrow<T>(this Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value! : throw new ExecutionError(outcome.Errors[0].Message) { Code = "INVALID_ARGUMENT" };
}
