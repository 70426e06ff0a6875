using System.Globalization;
using Dso.Domain.Common;

namespace Dso.Domain.Clients;

/// <summary>A client's postal address, for letters: its country is an ISO 3166 alpha-2 code.</summary>
public sealed record PostalAddress(string Line1, string? Line2, string PostalCode, string City, string Country)
{
    /// <summary>The lines of an envelope's address block (the country named in full outside France).</summary>
    public IReadOnlyList<string> Lines(string recipient) =>
        [recipient, Line1, .. Line2 is null ? Array.Empty<string>() : [Line2], $"{PostalCode} {City.ToUpperInvariant()}",
            .. Country == "FR" ? Array.Empty<string>() : [new RegionInfo(Country).EnglishName.ToUpperInvariant()]];

    /// <summary>The normalised address, or null with the errors added (each naming its field under <paramref name="field"/>).</summary>
    public static PostalAddress? Validate(PostalAddressInput input, FieldPath path, string field, List<UserError> errors)
    {
        var before = errors.Count;
        string? Text(string name, string? value, int max, bool required)
        {
            var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if ((required && text is null) || text?.Length > max)
            {
                errors.Add(path.Invalid($"{field}.{name}", $"{name} must have {(required ? 1 : 0)} to {max} characters."));
            }

            FormulaText.Check(value, path, $"{field}.{name}", errors);
            return text;
        }

        var line1 = Text("line1", input.Line1, 200, required: true);
        var line2 = Text("line2", input.Line2, 200, required: false);
        var postalCode = Text("postalCode", input.PostalCode, 16, required: true);
        var city = Text("city", input.City, 100, required: true);
        var country = (input.Country ?? "FR").Trim().ToUpperInvariant();
        if (!IsCountry(country))
        {
            errors.Add(path.Invalid($"{field}.country", $"'{input.Country}' is not an ISO 3166 alpha-2 country code such as 'FR'."));
        }

        return errors.Count > before ? null : new PostalAddress(line1!, line2, postalCode!, city!, country);
    }

    private static bool IsCountry(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>A postal address as a caller sends it; the country defaults to FR.</summary>
public sealed record PostalAddressInput(string? Line1, string? Line2, string? PostalCode, string? City, string? Country = "FR");
