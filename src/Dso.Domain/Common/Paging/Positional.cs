using System.Globalization;
using System.Text;

namespace Dso.Domain.Common.Paging;

/// <summary>
/// Paging over a list computed whole (a report's rows, sorted in memory): a cursor is a position in
/// that list, tied to the ordering it came from.
/// </summary>
public static class Positional
{
    public static Page<T> Page<T>(IReadOnlyList<T> items, string ordering, PageRequest request)
    {
        var size = request.Size;
        int start, end;
        if (request.Backward)
        {
            end = request.Before is null ? items.Count : Decode(request.Before, ordering, "before");
            start = Math.Max(0, end - size);
        }
        else
        {
            start = request.After is null ? 0 : Decode(request.After, ordering, "after") + 1;
            end = Math.Min(items.Count, start + size);
        }

        start = Math.Min(start, items.Count);
        end = Math.Max(start, Math.Min(end, items.Count));
        var edges = Enumerable.Range(start, end - start).Select(i => new Edge<T>(Encode(i, ordering), items[i])).ToList();
        return new Page<T>(edges, HasNextPage: end < items.Count, HasPreviousPage: start > 0, CountAsync: _ => Task.FromResult(items.Count));
    }

    private static string Encode(int position, string ordering) =>
        Base64Url.Encode(Encoding.UTF8.GetBytes(position.ToString(CultureInfo.InvariantCulture) + ":" + ordering));

    private static int Decode(string cursor, string ordering, string argument)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.Decode(cursor));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && text[(colon + 1)..] == ordering &&
                int.TryParse(text[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidCursorException(argument);
    }
}
