using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Common.Paging;

/// <summary>
/// Keyset (seek) paging over an ordered query: a cursor holds the sort values of an item, and the next
/// page is "rows after these values", which an index answers without counting skipped rows.
/// The last sort key must be unique (the id).
/// </summary>
public static class Keyset
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static async Task<Page<T>> PageAsync<T>(IQueryable<T> source, IReadOnlyList<SortKey<T>> keys, PageRequest request, CancellationToken cancellationToken)
    {
        var signature = string.Join(',', keys.Select(k => k.Name + (k.Descending ? "-" : "+")));
        var cursor = request.Backward ? request.Before : request.After;
        var query = source;
        if (cursor is not null)
        {
            var values = Decode(cursor, signature, keys, request.Backward ? "before" : "after");
            query = query.Where(SeekPredicate(keys, values, request.Backward));
        }

        var size = request.Size;
        var rows = await Order(query, keys, request.Backward).Take(size + 1).ToListAsync(cancellationToken);
        var hasMore = rows.Count > size;
        var items = rows.Take(size).ToList();
        if (request.Backward)
        {
            items.Reverse();
        }

        var edges = items.Select(item => new Edge<T>(Encode(item, signature, keys), item)).ToList();
        return new Page<T>(
            edges,
            HasNextPage: request.Backward ? request.Before is not null : hasMore,
            HasPreviousPage: request.Backward ? hasMore : request.After is not null,
            CountAsync: ct => source.CountAsync(ct));
    }

    private static IQueryable<T> Order<T>(IQueryable<T> query, IReadOnlyList<SortKey<T>> keys, bool reverse)
    {
        var expression = query.Expression;
        for (var i = 0; i < keys.Count; i++)
        {
            var descending = keys[i].Descending ^ reverse;
            var method = (i == 0, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            expression = Expression.Call(typeof(Queryable), method, [typeof(T), keys[i].KeyType], expression, Expression.Quote(keys[i].Selector));
        }

        return query.Provider.CreateQuery<T>(expression);
    }

    /// <summary>(k1 &gt; v1) OR (k1 = v1 AND k2 &gt; v2) OR ..., each comparison in its key's direction.</summary>
    private static Expression<Func<T, bool>> SeekPredicate<T>(IReadOnlyList<SortKey<T>> keys, object?[] values, bool reverse)
    {
        var parameter = Expression.Parameter(typeof(T), "e");
        Expression? any = null;
        for (var i = 0; i < keys.Count; i++)
        {
            Expression all = Compare(Key(keys[i], parameter), values[i], keys[i].KeyType, after: keys[i].Descending == reverse);
            for (var j = i - 1; j >= 0; j--)
            {
                all = Expression.AndAlso(Expression.Equal(Key(keys[j], parameter), Value(values[j], keys[j].KeyType)), all);
            }

            any = any is null ? all : Expression.OrElse(any, all);
        }

        return Expression.Lambda<Func<T, bool>>(any!, parameter);
    }

    private static BinaryExpression Compare(Expression key, object? value, Type type, bool after)
    {
        var operand = Value(value, type);
        if (type == typeof(string))
        {
            var compared = Expression.Call(StringCompare, key, operand);
            return after ? Expression.GreaterThan(compared, Expression.Constant(0)) : Expression.LessThan(compared, Expression.Constant(0));
        }

        return after ? Expression.GreaterThan(key, operand) : Expression.LessThan(key, operand);
    }

    private static Expression Key<T>(SortKey<T> key, ParameterExpression parameter) =>
        new ReplaceParameter(key.Selector.Parameters[0], parameter).Visit(key.Selector.Body);

    // A member of a closure object, so EF sends the value as a SQL parameter rather than a literal.
    private static MemberExpression Value(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private static string Encode<T>(T item, string signature, IReadOnlyList<SortKey<T>> keys)
    {
        var values = keys.Select(k => k.ValueOf(item)).ToArray();
        var json = JsonSerializer.SerializeToUtf8Bytes(new object?[] { signature }.Concat(values).ToArray());
        return Base64Url.Encode(json);
    }

    private static object?[] Decode<T>(string cursor, string signature, IReadOnlyList<SortKey<T>> keys, string argument)
    {
        try
        {
            var elements = JsonSerializer.Deserialize<JsonElement[]>(Base64Url.Decode(cursor));
            if (elements is null || elements.Length != keys.Count + 1 || elements[0].GetString() != signature)
            {
                throw new InvalidCursorException(argument);
            }

            return keys.Select((k, i) => elements[i + 1].Deserialize(k.KeyType) ?? throw new InvalidCursorException(argument)).ToArray();
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new InvalidCursorException(argument);
        }
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
