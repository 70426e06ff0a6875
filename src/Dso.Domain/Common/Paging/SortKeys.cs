using System.Linq.Expressions;

namespace Dso.Domain.Common.Paging;

/// <summary>Builds typed <see cref="SortKey{T}"/> values.</summary>
public static class SortKeys
{
    public static SortKey<T> By<T, TKey>(string name, Expression<Func<T, TKey>> selector, bool descending = false) =>
        new(name, selector, descending);
}
