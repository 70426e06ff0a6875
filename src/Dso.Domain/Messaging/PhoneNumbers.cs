namespace Dso.Domain.Messaging;

/// <summary>
/// Phone numbers written to E.164 for the SMS gateway: "+" then 8 to 15 digits. Spaces, dots, dashes and
/// parentheses are dropped, as is a "(0)" after the country code; "00" is the international prefix; a national number (a leading 0, as "06 12 34 56 78")
/// takes the calling code of the client's country (France when the client has no address).
/// </summary>
public static class PhoneNumbers
{
    private static readonly Dictionary<string, string> CallingCodes = new(StringComparer.Ordinal)
    {
        ["FR"] = "33", ["BE"] = "32", ["CH"] = "41", ["LU"] = "352", ["MC"] = "377", ["DE"] = "49", ["ES"] = "34", ["IT"] = "39",
        ["NL"] = "31", ["PT"] = "351", ["GB"] = "44", ["IE"] = "353", ["AT"] = "43", ["US"] = "1", ["CA"] = "1", ["MA"] = "212",
        ["TN"] = "216", ["DZ"] = "213", ["SN"] = "221", ["CI"] = "225", ["RE"] = "262", ["GP"] = "590", ["MQ"] = "596",
    };

    /// <summary>The number in E.164, or null when it is not a phone number (or a national number of a country without a known code).</summary>
    public static string? ToE164(string? raw, string country)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        // "+33 (0)6 ...": the national trunk zero written inside an international number.
        var text = raw.Trim().Replace("(0)", "", StringComparison.Ordinal);
        var international = text.StartsWith('+');
        var digits = new string([.. text.Where(c => !" .-()/\u00a0".Contains(c, StringComparison.Ordinal) && c != '+')]);
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || text.LastIndexOf('+') > 0)
        {
            return null;
        }

        string number;
        if (international)
        {
            number = digits;
        }
        else if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            number = digits[2..];
        }
        else if (digits.StartsWith('0') && CallingCodes.TryGetValue(country, out var code))
        {
            // Italy keeps its leading zero after the calling code.
            number = code + (country == "IT" ? digits : digits[1..]);
        }
        else
        {
            return null;
        }

        return number.Length is >= 8 and <= 15 && number[0] != '0' ? "+" + number : null;
    }
}
