using System.Globalization;
using Dso.Domain.Common;

namespace Dso.Domain.Messaging;

/// <summary>How dates and amounts are written in a message's language ("1 234,56 €" and "23/11/2026" in French).</summary>
public sealed class MessageFormat(string language)
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["JPY"] = "¥", ["CNY"] = "¥", ["INR"] = "₹", ["KRW"] = "₩",
    };

    private readonly CultureInfo culture = CultureOf(language);

    public string Date(DateOnly date) => date.ToString("d", culture);

    public string Money(decimal amount, string currency)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.GetValueOrDefault(currency, currency);
        format.CurrencyDecimalDigits = Currency.MinorUnits(currency);
        return amount.ToString("C", format);
    }

    /// <summary>Amounts in several currencies, one after the other ("1 000,00 € + 200,00 $"); none is a zero in the given currency.</summary>
    public string Totals(IEnumerable<(decimal Amount, string Currency)> amounts, string currencyOfNone)
    {
        var sums = amounts.GroupBy(a => a.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Money(g.Sum(a => a.Amount), g.Key)).ToList();
        return sums.Count == 0 ? Money(0, currencyOfNone) : string.Join(" + ", sums);
    }

    private static CultureInfo CultureOf(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
