using System.Globalization;

namespace Dso.Domain.Common;

/// <summary>Builds the input path of an item of a list argument, e.g. ["pieces", "3", "amount"].</summary>
public readonly record struct FieldPath(string List, int Index)
{
    public UserError Invalid(string field, string message) =>
        UserError.Invalid(message, List, Index.ToString(CultureInfo.InvariantCulture), field);

    public UserError NotFound(string field, string message) =>
        UserError.NotFound(message, List, Index.ToString(CultureInfo.InvariantCulture), field);
}
