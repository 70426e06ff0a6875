using Dso.Domain.Common.Paging;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>The Relay paging arguments, checked (1..100) while the request is validated, before anything runs.</summary>
public static class PagingArguments
{
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, bool backward = true)
    {
        field.Argument<IntGraphType>("first", "Items from the start, 1 to 100 (default 20).", a => a.Validate(InRange("first")))
            .Argument<StringGraphType>("after", "Cursor after which the page starts.");
        if (backward)
        {
            field.Argument<IntGraphType>("last", "Items from the end, 1 to 100.", a => a.Validate(InRange("last")))
                .Argument<StringGraphType>("before", "Cursor before which the page ends.");
        }

        return field;
    }

    public static PageRequest PageRequest(this IResolveFieldContext context)
    {
        var request = new PageRequest(
            context.GetArgument<int?>("first"),
            context.GetArgument<string?>("after"),
            context.HasArgument("last") ? context.GetArgument<int?>("last") : null,
            context.HasArgument("before") ? context.GetArgument<string?>("before") : null);
        var errors = request.Validate();
        return errors.Count == 0 ? request : throw new ExecutionError(errors[0].Message) { Code = "INVALID_ARGUMENT" };
    }

    private static Action<object?> InRange(string name) => value =>
    {
        if (value is int size && size is < 1 or > Domain.Common.Paging.PageRequest.MaxPageSize)
        {
            throw new ArgumentException($"{name} must be between 1 and {Domain.Common.Paging.PageRequest.MaxPageSize}.");
        }
    };
}
