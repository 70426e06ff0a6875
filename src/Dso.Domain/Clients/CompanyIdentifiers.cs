using System.Globalization;

namespace Dso.Domain.Clients;

/// <summary>French company identifiers: SIREN (9 digits), SIRET (14) and the FR VAT number, with their check digits.</summary>
public static class CompanyIdentifiers
{
    /// <summary>Strips spaces; checks the Luhn key of all-digit SIREN/SIRET. Null (with a reason) when invalid.</summary>
    public static string? NormalizeLegalId(string value, out string? problem)
    {
        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
        problem = null;
        if (compact.Length is 0 or > 32)
        {
            problem = "must have 1 to 32 characters";
            return null;
        }

        if (compact.All(char.IsAsciiDigit) && compact.Length is 9 or 14 && !IsLuhnValid(compact))
        {
            problem = compact.Length == 9 ? "is not a valid SIREN (wrong check digit)" : "is not a valid SIRET (wrong check digit)";
            return null;
        }

        return compact;
    }

    /// <summary>Upper-cases and strips spaces; checks the key of a French number (FR + key + SIREN).</summary>
    public static string? NormalizeVatNumber(string value, out string? problem)
    {
        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c != '.')).ToUpperInvariant();
        problem = null;
        if (compact.Length is < 4 or > 32 || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]))
        {
            problem = "must start with a two-letter country code";
            return null;
        }

        if (compact.StartsWith("FR", StringComparison.Ordinal) && compact.Length == 13 && compact[2..].All(char.IsAsciiDigit))
        {
            var siren = long.Parse(compact[4..], CultureInfo.InvariantCulture);
            var key = int.Parse(compact[2..4], CultureInfo.InvariantCulture);
            if (key != (12 + (3 * (siren % 97))) % 97)
            {
                problem = "is not a valid French VAT number (wrong key)";
                return null;
            }
        }

        return compact;
    }

    public static bool IsLuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
