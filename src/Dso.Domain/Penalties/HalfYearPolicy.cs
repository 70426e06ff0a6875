namespace Dso.Domain.Penalties;

/// <summary>Which half-year rate applies to a late day.</summary>
public enum HalfYearPolicy
{
    /// <summary>Each day at the rate of its own half-year (the default).</summary>
    Split,

    /// <summary>Every day at the rate of the half-year of the due date.</summary>
    AtDueDate,
}
