namespace Dso.Domain.Common.Paging;

/// <summary>Relay paging arguments: <c>first</c>/<c>after</c> forward, <c>last</c>/<c>before</c> backward.</summary>
public sealed record PageRequest(int? First, string? After, int? Last, string? Before)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    public bool Backward => Last is not null;

    public int Size => Last ?? First ?? DefaultPageSize;

    /// <summary>The argument errors, naming the argument (empty when the request is valid).</summary>
    public IReadOnlyList<UserError> Validate()
    {
        var errors = new List<UserError>();
        if (First is not null && Last is not null)
        {
            errors.Add(UserError.Invalid("Give either first or last, not both.", "last"));
        }

        foreach (var (value, name) in new[] { (First, "first"), (Last, "last") })
        {
            if (value is < 1 or > MaxPageSize)
            {
                errors.Add(UserError.Invalid($"{name} must be between 1 and {MaxPageSize}.", name));
            }
        }

        if (Backward && After is not null)
        {
            errors.Add(UserError.Invalid("after goes with first; use before with last.", "after"));
        }

        if (!Backward && Before is not null)
        {
            errors.Add(UserError.Invalid("before goes with last; use after with first.", "before"));
        }

        return errors;
    }
}
