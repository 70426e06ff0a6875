namespace Dso.Domain.Common;

/// <summary>The one rounding rule of every report: half away from zero, to 2 (amounts), 4 (ratios) or 1 (days) decimals.</summary>
public static class Rounding
{
    public static decimal Amount(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal Ratio(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    public static decimal Days(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
