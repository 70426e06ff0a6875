using System.Linq.Expressions;

namespace Dso.Domain.Common.Paging;

/// <summary>One column of a keyset ordering: its name (part of the cursor), selector and direction.</summary>
public sealed record SortKey<T>(string Name, LambdaExpression Selector, bool Descending)
{
    private readonly Lazy<Delegate> compiled = new(Selector.Compile);

    public Type KeyType => Selector.ReturnType;

    public object? ValueOf(T item) => compiled.Value.DynamicInvoke(item);
}
